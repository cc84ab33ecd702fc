package io.weir.runtime.tasks;

import io.weir.runtime.data.Row;
import io.weir.runtime.io.ChannelWriter;
import io.weir.runtime.io.StreamEvent;
import io.weir.runtime.io.TaskCanceledException;
import io.weir.runtime.io.Watermark;
import io.weir.runtime.io.WatermarkStatus;
import java.util.List;

/**
 * The output of a task's last operator: every row goes to each outgoing edge's
 * {@link ChannelWriter}; watermarks, status changes and other events are broadcast. A row or a
 * watermark after an IDLE status first sends ACTIVE.
 */
final class RecordWriterOutput implements WatermarkStatusOutput {
    private final ChannelWriter[] writers;
    private final boolean flushEveryRow;
    private boolean idle;

    RecordWriterOutput(List<ChannelWriter> writers, boolean flushEveryRow) {
        this.writers = writers.toArray(new ChannelWriter[0]);
        this.flushEveryRow = flushEveryRow;
    }

    @Override
    public void collect(Row row) {
        try {
            if (idle) {
                setIdle(false);
            }
            for (ChannelWriter w : writers) {
                w.emit(row);
                if (flushEveryRow) {
                    w.flushAll();
                }
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        if (idle) {
            setIdle(false);
        }
        broadcast(new Watermark(watermark));
    }

    @Override
    public void emitWatermarkStatus(boolean newIdle) {
        if (newIdle != idle) {
            setIdle(newIdle);
        }
    }

    private void setIdle(boolean newIdle) {
        idle = newIdle;
        broadcast(newIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }

    void broadcast(StreamEvent event) {
        try {
            for (ChannelWriter w : writers) {
                w.broadcastEvent(event);
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /**
     * Sends {@code event} ahead of all queued output on every channel of every edge (an unaligned
     * barrier). Returns per edge, per channel, the rows it overtook.
     */
    List<List<List<Row>>> broadcastPriority(StreamEvent event) {
        List<List<List<Row>>> overtaken = new java.util.ArrayList<>(writers.length);
        for (ChannelWriter w : writers) {
            overtaken.add(w.broadcastPriorityEvent(event));
        }
        return overtaken;
    }

    /** Number of outgoing edges. */
    int numberOfEdges() {
        return writers.length;
    }

    int numberOfChannels(int edge) {
        return writers[edge].numberOfChannels();
    }

    /** Sends {@code event} in band everywhere, watched; {@code onConsumed} gets (edge, channel) when a consumer takes it. */
    void broadcastWatched(StreamEvent event, java.util.function.BiConsumer<Integer, Integer> onConsumed) {
        try {
            for (int e = 0; e < writers.length; e++) {
                int edge = e;
                writers[e].broadcastWatched(event, ch -> onConsumed.accept(edge, ch));
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** Promotes the watched {@code event} on one channel; the overtaken rows, or null if already consumed. */
    List<Row> promote(int edge, int channel, StreamEvent event) {
        return writers[edge].promote(channel, event);
    }

    /** Sends restored output channel state on channel {@code channel} of edge {@code edge}, before any new output. */
    void replay(int edge, int channel, List<Row> rows) {
        if (edge >= writers.length || channel >= writers[edge].numberOfChannels()) {
            throw new IllegalStateException("not supported yet: restoring in-flight output of an unaligned checkpoint "
                + "into a job whose edges or parallelism changed (output " + edge + ", channel " + channel + ")");
        }
        try {
            writers[edge].replay(channel, rows);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    void flushIfOlderThan(long deadlineNanos) throws InterruptedException {
        for (ChannelWriter w : writers) {
            w.flushIfOlderThan(deadlineNanos);
        }
    }

    long oldestPendingNanos() {
        long oldest = Long.MAX_VALUE;
        for (ChannelWriter w : writers) {
            long o = w.oldestPendingNanos();
            if (o != Long.MAX_VALUE && (oldest == Long.MAX_VALUE || o - oldest < 0)) {
                oldest = o;
            }
        }
        return oldest;
    }

    long blockedNanos() {
        long sum = 0;
        for (ChannelWriter w : writers) {
            sum += w.blockedNanos();
        }
        return sum;
    }

    private static TaskCanceledException interrupted() {
        Thread.currentThread().interrupt();
        return new TaskCanceledException("interrupted while sending downstream");
    }
}
