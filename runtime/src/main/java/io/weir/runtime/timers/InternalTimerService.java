package io.weir.runtime.timers;

import io.weir.checkpoint.serialization.DataInputDeserializer;
import io.weir.checkpoint.serialization.DataOutputSerializer;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.KeyedStateBackend;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.TimeDomain;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The timers of one keyed operator subtask: event-time and processing-time timers per (key,
 * namespace, timestamp), deduplicated, deletable, fired in timestamp order by the task (which pulls
 * due timers in bounded groups), and snapshotted per key group so that they follow their keys
 * when a job is restored at another parallelism. Task thread only.
 *
 * <p>Maintenance notes: each domain is one binary heap over all key groups of the subtask plus a
 * hash map of live timers to their heap slots. Deletion removes from the map and flags the slot; a
 * flagged slot is skipped when it reaches the top (lazy deletion, O(log n) per operation, heap compacted
 * when stale entries dominate). Key groups are materialized only in snapshots, where the timers
 * are written grouped by key group.
 *
 * @param <N> namespace type
 */
public final class InternalTimerService<N> implements TimerService<N> {
    private final KeyedStateBackend<Row> keyed;
    private final TypeSerializer<Row> keySerializer;
    private final TypeSerializer<N> namespaceSerializer;
    private final LongSupplier clock;
    private final LongConsumer processingWakeup;
    private final Domain<N> eventTime = new Domain<>();
    private final Domain<N> processingTime = new Domain<>();
    private long currentWatermark = Long.MIN_VALUE;

    /**
     * @param processingWakeup asked to call back (through the mailbox) at the given processing time,
     *     when a processing-time timer earlier than every other one is registered
     */
    public InternalTimerService(KeyedStateBackend<Row> keyed, TypeSerializer<N> namespaceSerializer,
                                LongSupplier clock, LongConsumer processingWakeup) {
        this.keyed = keyed;
        this.keySerializer = keyed.getKeySerializer();
        this.namespaceSerializer = namespaceSerializer;
        this.clock = clock;
        this.processingWakeup = processingWakeup;
    }

    public TypeSerializer<N> namespaceSerializer() {
        return namespaceSerializer;
    }

    @Override
    public long currentProcessingTime() {
        return clock.getAsLong();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    /** Called by the task when the operator's input watermark advances, before firing. */
    public void setCurrentWatermark(long watermark) {
        if (watermark > currentWatermark) {
            currentWatermark = watermark;
        }
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        eventTime.add(new Timer<>(time, currentKey(), namespace, TimeDomain.EVENT_TIME));
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        long before = processingTime.peekTimestamp();
        processingTime.add(new Timer<>(time, currentKey(), namespace, TimeDomain.PROCESSING_TIME));
        if (time < before) {
            processingWakeup.accept(time);
        }
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTime.remove(new Timer<>(time, currentKey(), namespace, TimeDomain.EVENT_TIME));
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTime.remove(new Timer<>(time, currentKey(), namespace, TimeDomain.PROCESSING_TIME));
    }

    private Row currentKey() {
        Row key = keyed.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("timers need a current key: register them while processing an element or a timer");
        }
        return key;
    }

    /** Removes and returns the earliest event-time timer with timestamp {@code <= watermark}, or null. */
    public Timer<N> pollEventTimer(long watermark) {
        return eventTime.pollUpTo(watermark);
    }

    /** Removes and returns the earliest processing-time timer with timestamp {@code <= time}, or null. */
    public Timer<N> pollProcessingTimer(long time) {
        return processingTime.pollUpTo(time);
    }

    /** True if an event-time timer with timestamp {@code <= watermark} is pending. */
    public boolean hasEventTimerUpTo(long watermark) {
        return eventTime.hasUpTo(watermark);
    }

    /** True if a processing-time timer with timestamp {@code <= time} is pending. */
    public boolean hasProcessingTimerUpTo(long time) {
        return processingTime.hasUpTo(time);
    }

    /** Timestamp of the earliest event-time timer, or {@code Long.MAX_VALUE}. */
    public long nextEventTimerTimestamp() {
        return eventTime.peekTimestamp();
    }

    /** Timestamp of the earliest processing-time timer, or {@code Long.MAX_VALUE}. */
    public long nextProcessingTimerTimestamp() {
        return processingTime.peekTimestamp();
    }

    public int numEventTimeTimers() {
        return eventTime.size();
    }

    public int numProcessingTimeTimers() {
        return processingTime.size();
    }

    /** All pending timers of both domains, in no particular order (for tests and harnesses). */
    public List<Timer<N>> pendingTimers() {
        List<Timer<N>> all = new ArrayList<>(eventTime.timers());
        all.addAll(processingTime.timers());
        return all;
    }

    /**
     * Serializes the pending timers grouped by key group: key group → bytes. Key groups without
     * timers are absent. Synchronous; the result is independent of later changes.
     */
    public Map<Integer, byte[]> snapshot() throws IOException {
        int maxParallelism = keyed.getNumberOfKeyGroups();
        Map<Integer, List<Timer<N>>> byGroup = new TreeMap<>();
        for (Timer<N> t : pendingTimers()) {
            byGroup.computeIfAbsent(KeyGroupRangeAssignment.assignToKeyGroup(t.key(), maxParallelism), g -> new ArrayList<>()).add(t);
        }
        Map<Integer, byte[]> out = new HashMap<>();
        DataOutputSerializer buf = new DataOutputSerializer(256);
        for (Map.Entry<Integer, List<Timer<N>>> e : byGroup.entrySet()) {
            buf.clear();
            buf.writeInt(e.getValue().size());
            for (Timer<N> t : e.getValue()) {
                buf.writeBoolean(t.domain() == TimeDomain.EVENT_TIME);
                buf.writeLong(t.timestamp());
                keySerializer.serialize(t.key(), buf);
                namespaceSerializer.serialize(t.namespace(), buf);
            }
            out.put(e.getKey(), buf.toByteArray());
        }
        return out;
    }

    /** Adds the timers of the snapshotted key groups that {@code range} holds; others are ignored. */
    public void restore(Map<Integer, byte[]> snapshot, KeyGroupRange range) throws IOException {
        long earliestProcessing = processingTime.peekTimestamp();
        for (Map.Entry<Integer, byte[]> e : snapshot.entrySet()) {
            if (!range.contains(e.getKey())) {
                continue;
            }
            DataInputDeserializer in = new DataInputDeserializer(e.getValue());
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                boolean event = in.readBoolean();
                long ts = in.readLong();
                Row key = keySerializer.deserialize(in);
                N ns = namespaceSerializer.deserialize(in);
                (event ? eventTime : processingTime).add(new Timer<>(ts, key, ns, event ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME));
            }
        }
        if (processingTime.peekTimestamp() < earliestProcessing) {
            processingWakeup.accept(processingTime.peekTimestamp());
        }
    }

    /**
     * One time domain: a heap ordered by timestamp and a map of the live timers to their heap slots.
     * A deleted timer's slot is only flagged, so skipping stale heap tops needs no hash lookup: each
     * timer is hashed once when added and once when fired or deleted.
     */
    private static final class Domain<N> {
        private final PriorityQueue<Slot<N>> heap = new PriorityQueue<>();
        private final Map<Timer<N>, Slot<N>> live = new HashMap<>();

        void add(Timer<N> t) {
            Slot<N> slot = new Slot<>(t);
            if (live.putIfAbsent(t, slot) == null) {
                heap.add(slot);
            }
        }

        void remove(Timer<N> t) {
            Slot<N> slot = live.remove(t);
            if (slot != null) {
                slot.deleted = true;
                if (heap.size() > 64 && heap.size() > 2 * live.size()) {
                    heap.removeIf(x -> x.deleted);
                }
            }
        }

        Timer<N> pollUpTo(long time) {
            dropStaleTop();
            Slot<N> top = heap.peek();
            if (top == null || top.timer.timestamp() > time) {
                return null;
            }
            heap.poll();
            live.remove(top.timer);
            return top.timer;
        }

        boolean hasUpTo(long time) {
            dropStaleTop();
            Slot<N> top = heap.peek();
            return top != null && top.timer.timestamp() <= time;
        }

        long peekTimestamp() {
            dropStaleTop();
            Slot<N> top = heap.peek();
            return top == null ? Long.MAX_VALUE : top.timer.timestamp();
        }

        Set<Timer<N>> timers() {
            return live.keySet();
        }

        int size() {
            return live.size();
        }

        private void dropStaleTop() {
            while (!heap.isEmpty() && heap.peek().deleted) {
                heap.poll();
            }
        }
    }

    /** A heap entry: ordered as its timer; flagged when the timer is deleted (lazy deletion). */
    private static final class Slot<N> implements Comparable<Slot<N>> {
        final Timer<N> timer;
        boolean deleted;

        Slot(Timer<N> timer) {
            this.timer = timer;
        }

        @Override
        public int compareTo(Slot<N> o) {
            return timer.compareTo(o.timer);
        }
    }
}
