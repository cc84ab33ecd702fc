package io.weir.checkpoint.state.rocksdb;

import static io.weir.checkpoint.state.TestSerializers.LONG;
import static io.weir.checkpoint.state.TestSerializers.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.checkpoint.state.StateDescriptor;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.checkpoint.state.TtlTimeProvider;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RunnableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * RocksDB's TTL compaction filter (the database is a TtlDB): entries expired by wall-clock time
 * disappear from the column family when it is compacted, live ones stay, lists kept by the merge
 * operator merge correctly, and a restored state declared with a longer TTL is not cut short.
 * The TTL time provider is the system clock here, as in jobs.
 */
class RocksDbTtlCompactionTest {
    private static final int MAX_PARALLELISM = 128;
    private static final KeyGroupRange ALL = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
    /** A 1 s TTL compacts away once the wall clock is 2 whole seconds past the write. */
    private static final long EXPIRY_WAIT_MS = 2_100;

    @TempDir
    Path tempDir;
    private RocksDbStateBackend stateBackend;
    private final List<KeyedStateBackend<String>> backends = new ArrayList<>();

    @AfterEach
    void closeAll() {
        backends.forEach(KeyedStateBackend::close);
        if (stateBackend != null) {
            stateBackend.close();
        }
    }

    private RocksDbKeyedStateBackend<String> keyed(List<KeyedStateHandle> restore) throws Exception {
        if (stateBackend == null) {
            stateBackend = new RocksDbStateBackend(tempDir, true, 32L << 20, 0.5);
        }
        KeyedStateBackend<String> b = stateBackend.createKeyedStateBackend(KeyedStateBackendParameters
            .builder(STRING, MAX_PARALLELISM, ALL).ttlTimeProvider(TtlTimeProvider.SYSTEM).restoreFrom(restore).build());
        backends.add(b);
        return (RocksDbKeyedStateBackend<String>) b;
    }

    /** Incremental cleanup off, so that only compaction removes entries. */
    private static <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, Duration ttl) {
        descriptor.enableTimeToLive(StateTtlConfig.of(ttl, StateTtlConfig.UpdateType.ON_CREATE_AND_WRITE, 0));
        return descriptor;
    }

    @Test
    void shouldDropEntriesExpiredByWallClockWhenCompactingAndKeepLiveOnes() throws Exception {
        RocksDbKeyedStateBackend<String> b = keyed(List.of());
        ValueState<Long> shortLived = b.getState(withTtl(new ValueStateDescriptor<>("short", LONG), Duration.ofSeconds(1)));
        ValueState<Long> longLived = b.getState(withTtl(new ValueStateDescriptor<>("long", LONG), Duration.ofHours(1)));
        ValueState<Long> plain = b.getState(new ValueStateDescriptor<>("plain", LONG));
        ListState<String> live = b.getState(withTtl(new ListStateDescriptor<>("live", STRING), Duration.ofHours(1)));
        ListState<String> expiring = b.getState(withTtl(new ListStateDescriptor<>("expiring", STRING), Duration.ofSeconds(1)));
        ListState<String> refreshed = b.getState(withTtl(new ListStateDescriptor<>("refreshed", STRING), Duration.ofSeconds(1)));
        for (long k = 0; k < 100; k++) {
            b.setCurrentKey("k" + k);
            shortLived.update(k);
            longLived.update(k);
            plain.update(k);
        }
        b.setCurrentKey("a");
        live.add("x");
        expiring.add("old");
        refreshed.add("old");
        compact(b, "live", "expiring", "refreshed"); // merges the operands into values
        live.add("y");
        assertEquals(100, rawEntries(b, "short"));
        Thread.sleep(EXPIRY_WAIT_MS);

        live.add("z");
        refreshed.add("new"); // a fresh merge operand on top of an expired value
        compact(b, "short", "long", "plain", "live", "expiring", "refreshed");

        assertEquals(0, rawEntries(b, "short"));
        assertEquals(100, rawEntries(b, "long"));
        assertEquals(100, rawEntries(b, "plain"));
        assertEquals(0, rawEntries(b, "expiring"));
        assertEquals(1, rawEntries(b, "refreshed"));
        b.setCurrentKey("k42");
        assertEquals(42L, longLived.value());
        assertEquals(42L, plain.value());
        b.setCurrentKey("a");
        assertEquals(List.of("x", "y", "z"), list(live.get()));
        assertEquals(List.of("new"), list(refreshed.get()));
    }

    @Test
    void whenARestoredStateIsDeclaredWithALongerTtl_thenCompactionKeepsItsEntries() throws Exception {
        RocksDbKeyedStateBackend<String> original = keyed(List.of());
        ValueState<Long> v = original.getState(withTtl(new ValueStateDescriptor<>("v", LONG), Duration.ofSeconds(1)));
        for (long k = 0; k < 10; k++) {
            original.setCurrentKey("k" + k);
            v.update(k);
        }
        KeyedStateHandle snapshot = snapshot(original);
        RocksDbKeyedStateBackend<String> longer = keyed(List.of(snapshot));
        ValueState<Long> restored = longer.getState(withTtl(new ValueStateDescriptor<>("v", LONG), Duration.ofHours(1)));
        RocksDbKeyedStateBackend<String> same = keyed(List.of(snapshot));
        same.getState(withTtl(new ValueStateDescriptor<>("v", LONG), Duration.ofSeconds(1)));
        Thread.sleep(EXPIRY_WAIT_MS);

        compact(longer, "v");
        compact(same, "v");
        assertEquals(10, rawEntries(longer, "v"));
        assertEquals(0, rawEntries(same, "v"));
        longer.setCurrentKey("k7");
        assertEquals(7L, restored.value());
    }

    @Test
    void shouldRoundTheCompactionTtlUpToWholeSeconds() {
        assertEquals(0, RocksCompactionTtl.seconds(meta(0)));
        assertEquals(1, RocksCompactionTtl.seconds(meta(1)));
        assertEquals(1, RocksCompactionTtl.seconds(meta(1_000)));
        assertEquals(2, RocksCompactionTtl.seconds(meta(1_001)));
        assertEquals(Integer.MAX_VALUE, RocksCompactionTtl.seconds(meta(Long.MAX_VALUE / 2)));
    }

    private static StateMeta meta(long ttlMillis) {
        return new StateMeta("s", StateDescriptor.Type.VALUE, ttlMillis, List.of("k", "n", "v"));
    }

    private static KeyedStateHandle snapshot(KeyedStateBackend<?> backend) throws Exception {
        RunnableFuture<SnapshotResult<KeyedStateHandle>> future = backend.snapshot(1, 1, new MemoryCheckpointStreamFactory());
        future.run();
        return future.get().getHandle();
    }

    private static void compact(RocksDbKeyedStateBackend<String> b, String... states) throws Exception {
        for (String s : states) {
            b.db().compactRange(b.columnFamily(s));
        }
    }

    /** Entries physically present in a state's column family (expired or not). */
    private static int rawEntries(RocksDbKeyedStateBackend<String> b, String state) {
        ColumnFamilyHandle cf = b.columnFamily(state);
        int n = 0;
        try (RocksIterator it = b.db().newIterator(cf)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                n++;
            }
        }
        return n;
    }

    private static List<String> list(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }
}
