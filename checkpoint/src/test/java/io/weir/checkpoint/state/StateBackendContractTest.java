package io.weir.checkpoint.state;

import static io.weir.checkpoint.state.TestSerializers.AVERAGE;
import static io.weir.checkpoint.state.TestSerializers.INT;
import static io.weir.checkpoint.state.TestSerializers.INT_LIST;
import static io.weir.checkpoint.state.TestSerializers.LONG;
import static io.weir.checkpoint.state.TestSerializers.STRING;
import static io.weir.checkpoint.state.TestSerializers.SUM_COUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.TestSerializers.ManualClock;
import io.weir.checkpoint.state.internal.InternalAggregatingState;
import io.weir.checkpoint.state.internal.InternalListState;
import io.weir.checkpoint.state.internal.InternalReducingState;
import io.weir.checkpoint.state.internal.InternalValueState;
import io.weir.checkpoint.state.snapshot.FsCheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.KeyedStateAssignment;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateRedistributor;
import io.weir.checkpoint.state.snapshot.SnapshotResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed-state contract every backend passes (STYLE 11): each state kind, namespaces and their
 * merging, TTL, snapshot and restore (also at another parallelism and across an asynchronous
 * snapshot with concurrent writes). Subclasses name the backend.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class StateBackendContractTest {
    protected static final int MAX_PARALLELISM = 128;
    protected static final KeyGroupRange ALL = KeyGroupRange.of(0, MAX_PARALLELISM - 1);

    @TempDir
    protected Path tempDir;
    protected StateBackend stateBackend;
    protected final ManualClock clock = new ManualClock(1_000);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** The backend under test; may use {@code tempDir}. */
    protected abstract StateBackend createStateBackend(Path tempDir) throws Exception;

    @BeforeEach
    void createBackend() throws Exception {
        stateBackend = createStateBackend(tempDir);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        stateBackend.close();
    }

    protected KeyedStateBackend<String> keyed(KeyGroupRange range, Collection<KeyedStateHandle> restore) throws Exception {
        KeyedStateBackend<String> b = stateBackend.createKeyedStateBackend(
            KeyedStateBackendParameters.builder(STRING, MAX_PARALLELISM, range)
                .operatorIdentifier("op-" + toClose.size()).ttlTimeProvider(clock).restoreFrom(restore).build());
        toClose.add(b);
        return b;
    }

    protected KeyedStateBackend<String> keyed() throws Exception {
        return keyed(ALL, List.of());
    }

    protected static KeyedStateHandle snapshot(KeyedStateBackend<?> backend) throws Exception {
        RunnableFuture<SnapshotResult<KeyedStateHandle>> future = backend.snapshot(1, 1, new MemoryCheckpointStreamFactory());
        future.run();
        return future.get().getHandle();
    }

    protected static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count", INT);
    protected static final ListStateDescriptor<String> EVENTS = new ListStateDescriptor<>("events", STRING);
    protected static final MapStateDescriptor<String, Long> TOTALS = new MapStateDescriptor<>("totals", STRING, LONG);

    @Test
    void shouldKeepOneValuePerKeyAndNamespace() throws Exception {
        KeyedStateBackend<String> b = keyed();
        InternalValueState<String, Long, Integer> count = b.getOrCreateValueState(LONG, COUNT);
        b.setCurrentKey("a");
        count.setCurrentNamespace(1L);
        assertNull(count.value());
        count.update(5);
        count.setCurrentNamespace(2L);
        count.update(7);
        b.setCurrentKey("b");
        count.setCurrentNamespace(1L);
        assertNull(count.value());
        count.update(9);
        b.setCurrentKey("a");
        assertEquals(5, count.value());
        count.setCurrentNamespace(2L);
        assertEquals(7, count.value());
        count.clear();
        assertNull(count.value());
        count.setCurrentNamespace(1L);
        count.update(null);
        assertNull(count.value());
        assertEquals(List.of("b"), b.getKeys("count", 1L).collect(Collectors.toList()));
    }

    @Test
    void shouldReturnTheSameStateForTheSameNameAndRejectAnotherKind() throws Exception {
        KeyedStateBackend<String> b = keyed();
        assertTrue(b.getOrCreateState(VoidNamespaceSerializer.INSTANCE, COUNT) == b.getOrCreateState(VoidNamespaceSerializer.INSTANCE, COUNT));
        assertThrows(IllegalStateException.class,
            () -> b.getOrCreateState(VoidNamespaceSerializer.INSTANCE, new ListStateDescriptor<>("count", INT)));
    }

    @Test
    void whenNoKeyIsSet_thenAccessFails() throws Exception {
        ValueState<Integer> count = keyed().getState(COUNT);
        assertThrows(IllegalStateException.class, count::value);
    }

    @Test
    void whenKeyIsOutsideTheRange_thenSetCurrentKeyFails() throws Exception {
        KeyedStateBackend<String> b = keyed(KeyGroupRange.of(0, 0), List.of());
        String outside = Stream.iterate(0, i -> i + 1).map(i -> "k" + i)
            .filter(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM) != 0).findFirst().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> b.setCurrentKey(outside));
    }

    @Test
    void shouldAppendUpdateAndMergeLists() throws Exception {
        KeyedStateBackend<String> b = keyed();
        InternalListState<String, Long, String> events = b.getOrCreateListState(LONG, EVENTS);
        b.setCurrentKey("a");
        events.setCurrentNamespace(1L);
        assertNull(events.get());
        events.add("x");
        events.addAll(List.of("y", "z"));
        assertEquals(List.of("x", "y", "z"), list(events.get()));
        events.update(List.of("p"));
        assertEquals(List.of("p"), list(events.get()));
        events.setCurrentNamespace(2L);
        events.add("q");
        events.setCurrentNamespace(3L);
        events.add("r");
        events.mergeNamespaces(3L, List.of(1L, 2L));
        events.setCurrentNamespace(3L);
        assertEquals(List.of("p", "q", "r"), sorted(events.get()));
        events.setCurrentNamespace(1L);
        assertNull(events.get());
        events.update(List.of());
        assertNull(events.get());
        assertThrows(NullPointerException.class, () -> events.add(null));
    }

    @Test
    void shouldPutGetRemoveAndIterateMaps() throws Exception {
        KeyedStateBackend<String> b = keyed();
        MapState<String, Long> totals = b.getState(TOTALS);
        b.setCurrentKey("a");
        assertTrue(totals.isEmpty());
        totals.put("x", 1L);
        totals.putAll(Map.of("y", 2L, "z", 3L));
        totals.put("n", null);
        assertEquals(2L, totals.get("y"));
        assertTrue(totals.contains("n"));
        assertNull(totals.get("n"));
        assertFalse(totals.contains("w"));
        totals.remove("z");
        assertEquals(Map.of("x", 1L, "y", 2L), withoutNulls(totals.entries()));
        assertEquals(List.of("n", "x", "y"), sorted(totals.keys()));
        for (Iterator<Map.Entry<String, Long>> it = totals.entries().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals("x")) {
                it.remove();
            }
        }
        assertFalse(totals.contains("x"));
        for (Iterator<String> it = totals.keys().iterator(); it.hasNext(); ) {
            it.next();
            it.remove();
        }
        assertTrue(totals.isEmpty());
        assertEquals(List.of(), b.getKeys("totals", VoidNamespace.INSTANCE).collect(Collectors.toList()));
        totals.put("y", 2L);
        b.setCurrentKey("b");
        assertTrue(totals.isEmpty());
        totals.put("x", 10L);
        b.setCurrentKey("a");
        assertEquals(2L, totals.get("y"));
        totals.clear();
        assertTrue(totals.isEmpty());
        b.setCurrentKey("b");
        assertEquals(10L, totals.get("x"));
    }

    @Test
    void shouldReduceAndMergeNamespaces() throws Exception {
        KeyedStateBackend<String> b = keyed();
        InternalReducingState<String, Long, Integer> sum = b.getOrCreateReducingState(LONG,
            new ReducingStateDescriptor<>("sum", Integer::sum, INT));
        b.setCurrentKey("a");
        sum.setCurrentNamespace(1L);
        sum.add(1);
        sum.add(2);
        assertEquals(3, sum.get());
        sum.setCurrentNamespace(2L);
        sum.add(10);
        sum.mergeNamespaces(5L, List.of(1L, 2L));
        assertNull(sum.get());
        sum.setCurrentNamespace(5L);
        assertEquals(13, sum.get());
    }

    @Test
    void shouldAggregateWithAMutableAccumulatorAndMergeNamespaces() throws Exception {
        KeyedStateBackend<String> b = keyed();
        InternalAggregatingState<String, Long, Integer, long[], Double> avg = b.getOrCreateAggregatingState(LONG,
            new AggregatingStateDescriptor<>("avg", AVERAGE, SUM_COUNT));
        b.setCurrentKey("a");
        avg.setCurrentNamespace(1L);
        assertNull(avg.get());
        avg.add(1);
        avg.add(3);
        assertEquals(2.0, avg.get());
        avg.setCurrentNamespace(2L);
        avg.add(8);
        avg.mergeNamespaces(1L, List.of(2L));
        avg.setCurrentNamespace(1L);
        assertEquals(4.0, avg.get());
    }

    @Test
    void shouldRestoreEveryStateKindIntoAFreshBackend() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 200);
        KeyedStateHandle handle = snapshot(b);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(handle));
        checkAllKinds(restored, 200);
    }

    @Test
    void shouldRestoreFromFilesThroughTheFilesystemStreamFactory() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 50);
        RunnableFuture<SnapshotResult<KeyedStateHandle>> f = b.snapshot(7, 7, new FsCheckpointStreamFactory(tempDir.resolve("chk"), 16));
        f.run();
        KeyedStateBackend<String> restored = keyed(ALL, List.of(f.get().getHandle()));
        checkAllKinds(restored, 50);
        assertTrue(f.get().getStateSize() > 0);
    }

    @Test
    void shouldRestoreFromAnIncrementalSnapshot() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 100);
        RunnableFuture<SnapshotResult<KeyedStateHandle>> f = b.snapshotIncremental(1, 1,
            new FsCheckpointStreamFactory(tempDir.resolve("shared"), 0), new FsCheckpointStreamFactory(tempDir.resolve("chk-1"), 0));
        b.setCurrentKey("k1");
        b.getState(COUNT).update(-1);
        f.run();
        b.notifyCheckpointComplete(1);
        checkAllKinds(keyed(ALL, List.of(f.get().getHandle())), 100);
    }

    @Test
    void shouldKeepRestoredButUndeclaredStateInTheNextSnapshot() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 20);
        KeyedStateBackend<String> second = keyed(ALL, List.of(snapshot(b)));
        second.setCurrentKey("k1");
        second.getState(COUNT).update(99);
        KeyedStateBackend<String> third = keyed(ALL, List.of(snapshot(second)));
        third.setCurrentKey("k1");
        assertEquals(99, third.getState(COUNT).value());
        assertEquals(List.of("e1", "f1"), list(third.getState(EVENTS).get()));
    }

    @Test
    void whenRestoredStateIsDeclaredAsAnotherKind_thenItFails() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 5);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(snapshot(b)));
        assertThrows(IllegalStateException.class, () -> restored.getState(new ListStateDescriptor<>("count", INT)));
    }

    @Test
    void whenRestoredStateIsDeclaredWithAnotherValueSerializer_thenItFailsNamingStateAndBothSerializers() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 5);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(snapshot(b)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> restored.getState(new ValueStateDescriptor<>("count", LONG)));
        assertIncompatible(e, "count", "value", INT, LONG);
    }

    @Test
    void whenRestoredStateIsDeclaredWithAnotherNamespaceOrUserKeySerializer_thenItFails() throws Exception {
        KeyedStateBackend<String> b = keyed();
        fillAllKinds(b, 5);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(snapshot(b)));
        IllegalStateException ns = assertThrows(IllegalStateException.class,
            () -> restored.getPartitionedState(7, INT, new ReducingStateDescriptor<>("sum", Integer::sum, INT)));
        assertIncompatible(ns, "sum", "namespace", LONG, INT);
        IllegalStateException userKey = assertThrows(IllegalStateException.class,
            () -> restored.getState(new MapStateDescriptor<>("totals", LONG, LONG)));
        assertIncompatible(userKey, "totals", "user key", STRING, LONG);
        restored.setCurrentKey("k3");
        assertEquals(3, restored.getState(COUNT).value(), "compatible states still restore");
    }

    private static void assertIncompatible(IllegalStateException e, String state, String role,
                                           TypeSerializer<?> oldSerializer, TypeSerializer<?> newSerializer) {
        String expected = "State '" + state + "': the new " + role + " serializer (" + newSerializer.snapshotIdentity()
            + ") must not be incompatible with the old " + role + " serializer (" + oldSerializer.snapshotIdentity() + ")";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void shouldRescaleFromTwoToThreeSubtasks() throws Exception {
        checkRescale(2, 3);
    }

    @Test
    void shouldRescaleFromThreeToTwoSubtasks() throws Exception {
        checkRescale(3, 2);
    }

    private void checkRescale(int from, int to) throws Exception {
        int keys = 300;
        List<KeyedStateHandle> handles = new ArrayList<>();
        for (int i = 0; i < from; i++) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, from, i);
            KeyedStateBackend<String> b = keyed(range, List.of());
            for (int k = 0; k < keys; k++) {
                String key = "k" + k;
                if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                    b.setCurrentKey(key);
                    b.getState(COUNT).update(k);
                    b.getState(EVENTS).add("e" + k);
                    b.getState(TOTALS).put("t", (long) k);
                }
            }
            handles.add(snapshot(b));
        }
        Map<String, Integer> seen = new HashMap<>();
        List<List<KeyedStateHandle>> assigned = KeyedStateAssignment.redistribute(handles, MAX_PARALLELISM, to);
        for (int i = 0; i < to; i++) {
            KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, to, i);
            KeyedStateBackend<String> b = keyed(range, assigned.get(i));
            ValueState<Integer> count = b.getState(COUNT);
            for (String key : b.getKeys("count", VoidNamespace.INSTANCE).collect(Collectors.toList())) {
                b.setCurrentKey(key);
                assertEquals(seen.put(key, count.value()), null, "key " + key + " restored twice");
                assertEquals(List.of("e" + count.value()), list(b.getState(EVENTS).get()));
                assertEquals((long) count.value(), b.getState(TOTALS).get("t"));
            }
        }
        assertEquals(keys, seen.size());
        seen.forEach((k, v) -> assertEquals("k" + v, k));
    }

    @Test
    void whenStateIsWrittenDuringAnAsynchronousSnapshot_thenTheSnapshotKeepsTheOldValues() throws Exception {
        KeyedStateBackend<String> b = keyed();
        ValueState<Integer> count = b.getState(COUNT);
        ValueState<List<Integer>> mutable = b.getState(new ValueStateDescriptor<>("mutable", INT_LIST));
        ListState<String> events = b.getState(EVENTS);
        MapState<String, Long> totals = b.getState(TOTALS);
        AggregatingState<Integer, Double> avg = b.getState(new AggregatingStateDescriptor<>("avg", AVERAGE, SUM_COUNT));
        for (int k = 0; k < 100; k++) {
            b.setCurrentKey("k" + k);
            count.update(k);
            mutable.update(new ArrayList<>(List.of(k)));
            events.add("old");
            totals.put("t", 1L);
            avg.add(k);
        }
        RunnableFuture<SnapshotResult<KeyedStateHandle>> future = b.snapshot(1, 1, new MemoryCheckpointStreamFactory());
        for (int k = 0; k < 100; k++) {
            b.setCurrentKey("k" + k);
            count.update(-1);
            List<Integer> changed = mutable.value();
            changed.add(-1);
            mutable.update(changed);
            events.add("new");
            totals.put("t", 2L);
            totals.put("u", 3L);
            avg.add(1000);
            if (k % 2 == 0) {
                count.clear();
            }
        }
        b.setCurrentKey("fresh");
        count.update(42);
        future.run();
        KeyedStateBackend<String> restored = keyed(ALL, List.of(future.get().getHandle()));
        for (int k = 0; k < 100; k++) {
            restored.setCurrentKey("k" + k);
            assertEquals(k, restored.getState(COUNT).value());
            assertEquals(List.of(k), restored.getState(new ValueStateDescriptor<>("mutable", INT_LIST)).value());
            assertEquals(List.of("old"), list(restored.getState(EVENTS).get()));
            assertEquals(Map.of("t", 1L), withoutNulls(restored.getState(TOTALS).entries()));
            assertEquals((double) k, restored.getState(new AggregatingStateDescriptor<>("avg", AVERAGE, SUM_COUNT)).get());
        }
        restored.setCurrentKey("fresh");
        assertNull(restored.getState(COUNT).value());
        b.setCurrentKey("k1");
        assertEquals(-1, count.value());
        assertEquals(List.of(1, -1), mutable.value());
        assertEquals(List.of("old", "new"), list(events.get()));
    }

    @Test
    void shouldNeverReturnExpiredValuesAndLeaveThemOutOfSnapshots() throws Exception {
        KeyedStateBackend<String> b = keyed();
        ValueStateDescriptor<Integer> d = new ValueStateDescriptor<>("ttl-count", INT);
        d.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(100)));
        ValueState<Integer> v = b.getState(d);
        b.setCurrentKey("old");
        v.update(1);
        clock.advance(60);
        b.setCurrentKey("young");
        v.update(2);
        clock.advance(50);
        b.setCurrentKey("young");
        assertEquals(2, v.value());
        KeyedStateHandle handle = snapshot(b);
        b.setCurrentKey("old");
        assertNull(v.value());
        clock.set(0);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(handle));
        ValueState<Integer> rv = restored.getState(d);
        restored.setCurrentKey("old");
        assertNull(rv.value(), "expired value left out of the snapshot");
        restored.setCurrentKey("young");
        assertEquals(2, rv.value());
    }

    @Test
    void whenTtlIsRefreshedOnRead_thenReadingKeepsAValueAlive() throws Exception {
        KeyedStateBackend<String> b = keyed();
        ValueStateDescriptor<Integer> d = new ValueStateDescriptor<>("ttl-read", INT);
        d.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(100), StateTtlConfig.UpdateType.ON_READ_AND_WRITE));
        ValueState<Integer> v = b.getState(d);
        b.setCurrentKey("a");
        v.update(1);
        for (int i = 0; i < 5; i++) {
            clock.advance(80);
            assertEquals(1, v.value());
        }
        clock.advance(100);
        assertNull(v.value());
    }

    @Test
    void shouldExpireListElementsAndMapEntriesIndividually() throws Exception {
        KeyedStateBackend<String> b = keyed();
        ListStateDescriptor<String> ld = new ListStateDescriptor<>("ttl-list", STRING);
        ld.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(100)));
        MapStateDescriptor<String, Long> md = new MapStateDescriptor<>("ttl-map", STRING, LONG);
        md.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(100)));
        ListState<String> list = b.getState(ld);
        MapState<String, Long> map = b.getState(md);
        b.setCurrentKey("a");
        list.add("early");
        map.put("early", 1L);
        clock.advance(60);
        list.add("late");
        map.put("late", 2L);
        clock.advance(50);
        KeyedStateHandle handle = snapshot(b);
        assertEquals(List.of("late"), list(list.get()));
        assertEquals(Map.of("late", 2L), withoutNulls(map.entries()));
        assertNull(map.get("early"));
        assertFalse(map.contains("early"));
        clock.set(1_000);
        KeyedStateBackend<String> restored = keyed(ALL, List.of(handle));
        restored.setCurrentKey("a");
        assertEquals(List.of("late"), list(restored.getState(ld).get()));
        assertEquals(List.of("late"), sorted(restored.getState(md).keys()));
        clock.advance(1_000);
        assertNull(restored.getState(ld).get());
        assertTrue(restored.getState(md).isEmpty());
    }

    @Test
    void shouldCleanUpExpiredEntriesIncrementallyOnAccess() throws Exception {
        KeyedStateBackend<String> b = keyed();
        ValueStateDescriptor<Integer> d = new ValueStateDescriptor<>("ttl-cleanup", INT);
        d.enableTimeToLive(StateTtlConfig.of(Duration.ofMillis(100)));
        ValueState<Integer> v = b.getState(d);
        for (int k = 0; k < 500; k++) {
            b.setCurrentKey("k" + k);
            v.update(k);
        }
        clock.advance(200);
        b.setCurrentKey("other");
        for (int i = 0; i < 2_000; i++) {
            v.update(i);
        }
        assertEquals(List.of("other"), b.getKeys("ttl-cleanup", VoidNamespace.INSTANCE).collect(Collectors.toList()));
    }

    // ------------------------------------------------------------ operator state

    private static final ListStateDescriptor<String> OFFSETS = new ListStateDescriptor<>("offsets", STRING);
    private static final ListStateDescriptor<String> ALL_SPLITS = new ListStateDescriptor<>("all-splits", STRING);
    private static final MapStateDescriptor<String, Long> RULES = new MapStateDescriptor<>("rules", STRING, LONG);

    protected OperatorStateBackend operatorBackend(Collection<OperatorStateHandle> restore) throws Exception {
        OperatorStateBackend b = stateBackend.createOperatorStateBackend("op", restore);
        toClose.add(b);
        return b;
    }

    protected static OperatorStateHandle snapshot(OperatorStateBackend backend) throws Exception {
        RunnableFuture<SnapshotResult<OperatorStateHandle>> f = backend.snapshot(1, 1, new MemoryCheckpointStreamFactory());
        f.run();
        return f.get().getHandle();
    }

    @Test
    void shouldRedistributeOperatorStateWhenRescalingFromTwoToThree() throws Exception {
        List<List<OperatorStateHandle>> old = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            OperatorStateBackend b = operatorBackend(List.of());
            for (int i = 0; i < 4; i++) {
                b.getListState(OFFSETS).add("s" + subtask + "-" + i);
            }
            b.getUnionListState(ALL_SPLITS).add("split" + subtask);
            BroadcastState<String, Long> rules = b.getBroadcastState(RULES);
            rules.put("r1", 1L);
            rules.put("none", null);
            old.add(List.of(snapshot(b)));
        }
        List<List<OperatorStateHandle>> assigned = OperatorStateRedistributor.redistribute(old, 3);
        List<String> allOffsets = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            OperatorStateBackend b = operatorBackend(assigned.get(subtask));
            List<String> offsets = list(b.getListState(OFFSETS).get());
            assertTrue(offsets.size() >= 2 && offsets.size() <= 3, "even split: " + offsets);
            allOffsets.addAll(offsets);
            assertEquals(List.of("split0", "split1"), sorted(b.getUnionListState(ALL_SPLITS).get()));
            BroadcastState<String, Long> rules = b.getBroadcastState(RULES);
            assertEquals(1L, rules.get("r1"));
            assertTrue(rules.contains("none"));
        }
        allOffsets.sort(null);
        assertEquals(List.of("s0-0", "s0-1", "s0-2", "s0-3", "s1-0", "s1-1", "s1-2", "s1-3"), allOffsets);
    }

    @Test
    void shouldKeepEachSubtasksOperatorStateAtTheSameParallelism() throws Exception {
        List<List<OperatorStateHandle>> old = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            OperatorStateBackend b = operatorBackend(List.of());
            b.getListState(OFFSETS).addAll(List.of("a" + subtask, "b" + subtask, "c" + subtask));
            old.add(List.of(snapshot(b)));
        }
        List<List<OperatorStateHandle>> assigned = OperatorStateRedistributor.redistribute(old, 2);
        for (int subtask = 0; subtask < 2; subtask++) {
            OperatorStateBackend b = operatorBackend(assigned.get(subtask));
            assertEquals(List.of("a" + subtask, "b" + subtask, "c" + subtask), list(b.getListState(OFFSETS).get()));
        }
    }

    @Test
    void shouldSnapshotOperatorStateAsOfTheSynchronousPartAndKeepUndeclaredState() throws Exception {
        OperatorStateBackend b = operatorBackend(List.of());
        b.getListState(OFFSETS).add("before");
        b.getBroadcastState(RULES).put("r", 1L);
        RunnableFuture<SnapshotResult<OperatorStateHandle>> f = b.snapshot(1, 1, new MemoryCheckpointStreamFactory());
        b.getListState(OFFSETS).add("after");
        b.getBroadcastState(RULES).put("r", 2L);
        f.run();
        OperatorStateBackend restored = operatorBackend(List.of(f.get().getHandle()));
        restored.getBroadcastState(RULES);
        OperatorStateBackend again = operatorBackend(List.of(snapshot(restored)));
        assertEquals(List.of("before"), list(again.getListState(OFFSETS).get()));
        assertEquals(1L, again.getBroadcastState(RULES).get("r"));
        assertThrows(IllegalStateException.class, () -> again.getUnionListState(OFFSETS));
        assertEquals(java.util.Set.of("offsets", "rules"), again.getRegisteredStateNames());
    }

    protected static void fillAllKinds(KeyedStateBackend<String> b, int keys) throws Exception {
        for (int k = 0; k < keys; k++) {
            b.setCurrentKey("k" + k);
            b.getState(COUNT).update(k);
            b.getState(EVENTS).addAll(List.of("e" + k, "f" + k));
            MapState<String, Long> totals = b.getState(TOTALS);
            totals.put("a", (long) k);
            totals.put("b", null);
            b.getPartitionedState(7L, LONG, new ReducingStateDescriptor<>("sum", Integer::sum, INT)).add(k);
            b.getState(new AggregatingStateDescriptor<>("avg", AVERAGE, SUM_COUNT)).add(k);
        }
    }

    protected static void checkAllKinds(KeyedStateBackend<String> b, int keys) throws Exception {
        for (int k = 0; k < keys; k++) {
            b.setCurrentKey("k" + k);
            assertEquals(k, b.getState(COUNT).value());
            assertEquals(List.of("e" + k, "f" + k), list(b.getState(EVENTS).get()));
            MapState<String, Long> totals = b.getState(TOTALS);
            assertEquals(k, totals.get("a"));
            assertTrue(totals.contains("b"));
            assertNull(totals.get("b"));
            assertEquals(k, b.getPartitionedState(7L, LONG, new ReducingStateDescriptor<>("sum", Integer::sum, INT)).get());
            assertEquals((double) k, b.getState(new AggregatingStateDescriptor<>("avg", AVERAGE, SUM_COUNT)).get());
        }
        assertEquals(keys, b.getKeys("count", VoidNamespace.INSTANCE).count());
    }

    protected static <T> List<T> list(Iterable<T> it) {
        List<T> l = new ArrayList<>();
        if (it != null) {
            it.forEach(l::add);
        }
        return l;
    }

    protected static <T extends Comparable<T>> List<T> sorted(Iterable<T> it) {
        List<T> l = list(it);
        l.sort(null);
        return l;
    }

    protected static <K, V> Map<K, V> withoutNulls(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> m = new HashMap<>();
        for (Map.Entry<K, V> e : entries) {
            if (e.getValue() != null) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
