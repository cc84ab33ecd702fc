package io.weir.checkpoint.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.KeyedStateBackendParameters;
import io.weir.checkpoint.state.TestSerializers;
import io.weir.checkpoint.state.ValueState;
import io.weir.checkpoint.state.ValueStateDescriptor;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RunnableFuture;
import org.junit.jupiter.api.Test;

/** White-box checks of the heap backend's copy-on-write: what the synchronous part does and does not copy. */
class CopyOnWriteStateTableTest {
    private static final int KEY_GROUPS = 8;

    @Test
    void whenASnapshotIsTaken_thenOnlyKeyGroupsWrittenAfterwardsAreCopied() throws Exception {
        try (HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyedStateBackendParameters
            .builder(TestSerializers.STRING, KEY_GROUPS, KeyGroupRange.of(0, KEY_GROUPS - 1)).build())) {
            ValueState<Integer> state = backend.getState(new ValueStateDescriptor<>("v", TestSerializers.INT));
            for (int k = 0; k < 1_000; k++) {
                backend.setCurrentKey("k" + k);
                state.update(k);
            }
            CopyOnWriteStateTable<String, ?, ?> table = backend.table("v");
            Object[] before = new Object[KEY_GROUPS];
            for (int i = 0; i < KEY_GROUPS; i++) {
                before[i] = table.mapAt(i);
            }
            RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshot = backend.snapshot(1, 1, new MemoryCheckpointStreamFactory());
            for (int i = 0; i < KEY_GROUPS; i++) {
                assertSame(before[i], table.mapAt(i), "the synchronous part copies no map");
            }
            backend.setCurrentKey("k1");
            state.update(-1);
            state.update(-2);
            int written = KeyGroupRangeAssignment.assignToKeyGroup("k1", KEY_GROUPS);
            for (int i = 0; i < KEY_GROUPS; i++) {
                if (i == written) {
                    assertNotSame(before[i], table.mapAt(i), "a written key group is copied");
                } else {
                    assertSame(before[i], table.mapAt(i), "an untouched key group is shared");
                }
            }
            Object copied = table.mapAt(written);
            backend.setCurrentKey("k1");
            state.update(-3);
            assertSame(copied, table.mapAt(written), "copied once per snapshot, not per write");
            assertEquals(1, backend.runningSnapshotCount());
            snapshot.run();
            assertEquals(0, backend.runningSnapshotCount());
            state.update(-4);
            assertSame(copied, table.mapAt(written), "no copying without a running snapshot");
        }
    }

    @Test
    void whenASnapshotIsCancelledBeforeRunning_thenItStopsPinningVersions() throws Exception {
        try (HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyedStateBackendParameters
            .builder(TestSerializers.STRING, KEY_GROUPS, KeyGroupRange.of(0, KEY_GROUPS - 1)).build())) {
            backend.setCurrentKey("a");
            backend.getState(new ValueStateDescriptor<>("v", TestSerializers.INT)).update(1);
            RunnableFuture<SnapshotResult<KeyedStateHandle>> snapshot = backend.snapshot(1, 1, new MemoryCheckpointStreamFactory());
            assertEquals(1, backend.runningSnapshotCount());
            snapshot.cancel(false);
            assertEquals(0, backend.runningSnapshotCount());
        }
    }

    @Test
    void whenTheCallerMutatesAKeyObjectAfterwards_thenTheStoredKeyIsUnaffected() throws Exception {
        try (HeapKeyedStateBackend<List<Integer>> backend = new HeapKeyedStateBackend<>(KeyedStateBackendParameters
            .builder(TestSerializers.INT_LIST, KEY_GROUPS, KeyGroupRange.of(0, KEY_GROUPS - 1)).build())) {
            ValueState<Integer> state = backend.getState(new ValueStateDescriptor<>("v", TestSerializers.INT));
            List<Integer> reused = new ArrayList<>(List.of(1));
            backend.setCurrentKey(reused);
            state.update(10);
            reused.set(0, 2);
            backend.setCurrentKey(reused);
            state.update(20);
            backend.setCurrentKey(List.of(1));
            assertEquals(10, state.value());
            backend.setCurrentKey(List.of(2));
            assertEquals(20, state.value());
        }
    }
}
