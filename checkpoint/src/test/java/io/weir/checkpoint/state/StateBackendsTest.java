package io.weir.checkpoint.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.state.backend.AsyncSnapshotTask;
import io.weir.checkpoint.state.ttl.TtlSerializer;
import io.weir.checkpoint.state.ttl.TtlValue;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StateBackendsTest {

    @Test
    void shouldCreateTheConfiguredBackend() {
        assertEquals("hashmap", StateBackends.fromConfiguration(new Configuration()).getName());
        assertEquals("rocksdb", StateBackends.fromConfiguration(new Configuration().setString("state.backend.type", "RocksDB")).getName());
    }

    @Test
    void whenTheBackendTypeIsUnknown_thenTheErrorNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> StateBackends.fromConfiguration(new Configuration().setString("state.backend.type", "memory")));
        assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
    }

    @Test
    void whenRocksDbMemoryIsTooSmall_thenTheErrorNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> StateBackends.fromConfiguration(new Configuration().setString("state.backend.type", "rocksdb")
                .setString("state.backend.rocksdb.memory.fixed-per-slot", "10 kb")));
        assertTrue(e.getMessage().contains("state.backend.rocksdb.memory.fixed-per-slot"), e.getMessage());
    }

    @Test
    void shouldRoundTripTtlValuesAndTheVoidNamespace() throws Exception {
        TtlSerializer<String> ser = new TtlSerializer<>(TestSerializers.STRING);
        DataOutputSerializer out = new DataOutputSerializer(8);
        ser.serialize(new TtlValue<>("v", 42L), out);
        ser.serialize(new TtlValue<>(null, 7L), out);
        VoidNamespaceSerializer.INSTANCE.serialize(VoidNamespace.INSTANCE, out);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        assertEquals(new TtlValue<>("v", 42L), ser.deserialize(in));
        assertEquals(new TtlValue<>(null, 7L), ser.deserialize(in));
        assertEquals(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE.deserialize(in));
        assertEquals(0, in.available());
    }

    @Test
    void whenTtlIsNotPositive_thenItFails() {
        assertThrows(IllegalArgumentException.class, () -> StateTtlConfig.of(Duration.ZERO));
    }

    @Test
    void whenASnapshotIsCancelledBeforeItRuns_thenItsResourcesAreReleasedOnce() {
        AtomicInteger released = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AsyncSnapshotTask<String> task = new AsyncSnapshotTask<>(() -> "x" + ran.incrementAndGet(), released::incrementAndGet);
        task.cancel(false);
        task.run();
        assertEquals(1, released.get());
        assertEquals(0, ran.get());
        assertThrows(CancellationException.class, task::get);
        AsyncSnapshotTask<String> completed = new AsyncSnapshotTask<>(() -> "done", released::incrementAndGet);
        completed.run();
        completed.cancel(false);
        assertEquals(2, released.get());
    }
}
