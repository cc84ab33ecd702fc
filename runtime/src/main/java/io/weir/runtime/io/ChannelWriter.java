package io.weir.runtime.io;

import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.graph.PartitionerKind;
import io.weir.runtime.operators.KeySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The sending end of one edge for one producer subtask: routes rows to the channels of the target
 * subtasks by the edge's partitioner, gathers them into batches, and sends a batch when it is full
 * or when the task calls {@link #flushIfOlderThan} after the buffer timeout. Events are sent to
 * every channel after flushing, so they stay in order with rows. Task thread only.
 *
 * <p>Routing for {@code HASH}: key group {@code = murmur(hash(key)) mod maxParallelism} of the
 * target, then the subtask whose key-group range holds it (the same functions decide ownership on
 * the receiving side).
 */
public final class ChannelWriter {
    private final Channel[] channels;
    private final PartitionerKind kind;
    private final KeySelector keySelector;
    private final int maxParallelism;
    private final int batchSize;
    private final BooleanSupplier canceled;
    private final Row[][] pending;
    private final int[] counts;
    private final long[] pendingSinceNanos;
    private int roundRobin;
    private long blockedNanos;

    /**
     * @param channels one per target subtask this writer reaches: all of them for HASH, REBALANCE
     *     and BROADCAST; the single target for FORWARD and GLOBAL
     */
    public ChannelWriter(Channel[] channels, Partitioner partitioner, int targetMaxParallelism, int batchSize,
                         BooleanSupplier canceled) {
        this.channels = channels.clone();
        this.kind = partitioner.kind();
        this.keySelector = partitioner.keySelector();
        this.maxParallelism = targetMaxParallelism;
        this.batchSize = Math.max(1, batchSize);
        this.canceled = canceled;
        this.pending = new Row[channels.length][];
        this.counts = new int[channels.length];
        this.pendingSinceNanos = new long[channels.length];
    }

    /** The target channel index of a row under HASH partitioning. */
    public static int hashTarget(Row key, int maxParallelism, int parallelism) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup);
    }

    public void emit(Row row) throws InterruptedException {
        switch (kind) {
            case HASH:
                add(hashTarget(keySelector.getKey(row), maxParallelism, channels.length), row);
                break;
            case REBALANCE:
                add(roundRobin, row);
                roundRobin = (roundRobin + 1) % channels.length;
                break;
            case BROADCAST:
                for (int i = 0; i < channels.length; i++) {
                    add(i, row);
                }
                break;
            default:
                add(0, row);
        }
    }

    private void add(int target, Row row) throws InterruptedException {
        Row[] batch = pending[target];
        if (batch == null) {
            batch = new Row[batchSize];
            pending[target] = batch;
            pendingSinceNanos[target] = System.nanoTime();
        }
        batch[counts[target]++] = row;
        if (counts[target] == batchSize) {
            flush(target);
        }
    }

    private void flush(int target) throws InterruptedException {
        if (counts[target] == 0) {
            return;
        }
        Batch b = new Batch(pending[target], counts[target]);
        pending[target] = null;
        counts[target] = 0;
        blockedNanos += channels[target].put(b, canceled);
    }

    /** Sends every partly filled batch. */
    public void flushAll() throws InterruptedException {
        for (int i = 0; i < channels.length; i++) {
            flush(i);
        }
    }

    /** Sends the partly filled batches that have waited since before {@code deadlineNanos}. */
    public void flushIfOlderThan(long deadlineNanos) throws InterruptedException {
        for (int i = 0; i < channels.length; i++) {
            if (counts[i] > 0 && pendingSinceNanos[i] - deadlineNanos <= 0) {
                flush(i);
            }
        }
    }

    /** The time the oldest pending row has waited since, or {@code Long.MAX_VALUE} if nothing is pending. */
    public long oldestPendingNanos() {
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < channels.length; i++) {
            if (counts[i] > 0 && (oldest == Long.MAX_VALUE || pendingSinceNanos[i] - oldest < 0)) {
                oldest = pendingSinceNanos[i];
            }
        }
        return oldest;
    }

    /** Flushes, then sends {@code event} on every channel. */
    public void broadcastEvent(StreamEvent event) throws InterruptedException {
        flushAll();
        for (Channel c : channels) {
            blockedNanos += c.put(event, canceled);
        }
    }

    /**
     * Sends {@code event} on every channel ahead of everything queued there (an unaligned barrier
     * overtaking the output). Returns, per channel, the rows it overtook: the queued batches' rows,
     * then this writer's unsent rows (which are sent after the event as usual). Never blocks.
     */
    public List<List<Row>> broadcastPriorityEvent(StreamEvent event) {
        List<List<Row>> overtaken = new ArrayList<>(channels.length);
        for (int i = 0; i < channels.length; i++) {
            List<Row> rows = new ArrayList<>();
            for (Object item : channels[i].putPriority(event)) {
                if (item instanceof Batch b) {
                    for (int r = 0; r < b.size(); r++) {
                        rows.add(b.get(r));
                    }
                }
            }
            for (int r = 0; r < counts[i]; r++) {
                rows.add(pending[i][r]);
            }
            overtaken.add(rows);
        }
        return overtaken;
    }

    /**
     * Flushes, then sends {@code event} in band on every channel, watching it there
     * ({@link Channel#putWatched}): {@code onConsumed} runs with the channel index when the consumer takes it.
     */
    public void broadcastWatched(StreamEvent event, java.util.function.IntConsumer onConsumed) throws InterruptedException {
        flushAll();
        for (int i = 0; i < channels.length; i++) {
            int ch = i;
            channels[i].putWatched(event, () -> onConsumed.accept(ch));
        }
    }

    /** {@link Channel#promote} on channel {@code channel}: the rows the event overtook, or null if it was consumed. */
    public List<Row> promote(int channel, StreamEvent event) {
        List<Object> items = channels[channel].promote(event);
        if (items == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Batch b) {
                for (int r = 0; r < b.size(); r++) {
                    rows.add(b.get(r));
                }
            }
        }
        return rows;
    }

    /** Sends {@code rows} on {@code channel} as they are (restored output channel state, before any new output). */
    public void replay(int channel, List<Row> rows) throws InterruptedException {
        for (Row row : rows) {
            add(channel, row);
        }
        flush(channel);
    }

    public int numberOfChannels() {
        return channels.length;
    }

    /** Total nanoseconds spent blocked on full channels. */
    public long blockedNanos() {
        return blockedNanos;
    }
}
