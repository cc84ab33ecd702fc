package io.weir.runtime.tasks;

import io.weir.checkpoint.barrier.AlignmentMetrics;
import io.weir.checkpoint.barrier.ChannelStateWriter;
import io.weir.checkpoint.metadata.ChannelStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.runtime.data.Row;
import io.weir.runtime.io.ChannelStateRows;
import io.weir.runtime.io.CheckpointBarrier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A checkpoint a task has snapshotted but not yet acknowledged. It is acknowledged once the input
 * side is done (every input channel delivered the barrier, or the task has no input) and, when the
 * barrier went out in band but watched (aligned-then-unaligned mode), once every output channel's
 * consumer took it or it was promoted past the queued rows after the aligned-checkpoint timeout.
 * Holds the channel state written meanwhile. Task thread only.
 */
final class PendingTaskCheckpoint {
    final long id;
    final CheckpointBarrier barrier;
    private final List<OperatorSnapshot> snapshots;
    private final CheckpointStreamFactory streams;
    private ChannelStateWriter channelState;
    private boolean[][] watchedDone;
    private int outstanding;
    private boolean promoted;
    private boolean inputDone;
    private AlignmentMetrics inputMetrics;
    /** The aligned-checkpoint timeout of the watched barrier (runs on the scheduler thread). */
    ScheduledFuture<?> timer;

    PendingTaskCheckpoint(CheckpointBarrier barrier, List<OperatorSnapshot> snapshots, CheckpointStreamFactory streams) {
        this.id = barrier.id();
        this.barrier = barrier;
        this.snapshots = snapshots;
        this.streams = streams;
    }

    /** The channel state of this checkpoint, started on first use. */
    ChannelStateWriter channelState() throws IOException {
        if (channelState == null) {
            channelState = new ChannelStateWriter(streams);
            channelState.start(id);
        }
        return channelState;
    }

    /** Rows the barrier overtook on output channel {@code channel} of edge {@code edge}. */
    void addOvertakenOutput(int edge, int channel, List<Row> rows) throws IOException {
        if (!rows.isEmpty()) {
            channelState().addOutputData(id, edge, channel, ChannelStateRows.serialize(rows));
        }
    }

    /** The barrier went out in band on these channels (per edge), watched. */
    void watch(int[] channelsPerEdge) {
        watchedDone = new boolean[channelsPerEdge.length][];
        for (int e = 0; e < channelsPerEdge.length; e++) {
            watchedDone[e] = new boolean[channelsPerEdge[e]];
            outstanding += channelsPerEdge[e];
        }
    }

    /** The watched barrier left output channel (edge, channel): consumed, or promoted ({@code overtaken} non-null). */
    void watchedDone(int edge, int channel, List<Row> overtaken) throws IOException {
        if (watchedDone == null || watchedDone[edge][channel]) {
            return;
        }
        watchedDone[edge][channel] = true;
        outstanding--;
        if (overtaken != null) {
            promoted = true;
            addOvertakenOutput(edge, channel, overtaken);
        }
    }

    int outputChannelsStillWatched() {
        return outstanding;
    }

    /** The input side is done, with what barrier handling measured (null: no input). */
    void inputDone(AlignmentMetrics metrics) {
        inputDone = true;
        inputMetrics = metrics;
    }

    boolean readyToAcknowledge() {
        return inputDone && outstanding == 0;
    }

    /** Attaches the channel state to the snapshots (input on the head, output on the tail); returns the metrics to report. */
    AlignmentMetrics complete() {
        cancelTimer();
        AlignmentMetrics m = inputMetrics != null ? inputMetrics : new AlignmentMetrics(0, 0, 0, false);
        if (channelState == null) {
            return promoted ? new AlignmentMetrics(m.alignmentDurationMillis(), m.bytesProcessedDuringAlignment(),
                m.bytesPersistedDuringAlignment(), true) : m;
        }
        try {
            ChannelStateWriter.Result r = channelState.finish(id);
            long outputBytes = r.resultSubpartitionState().stream().mapToLong(ChannelStateHandle::stateSize).sum();
            snapshots.get(0).setChannelState(r.inputChannelState(), snapshots.size() == 1 ? r.resultSubpartitionState() : List.of());
            if (snapshots.size() > 1) {
                snapshots.get(snapshots.size() - 1).setChannelState(List.of(), r.resultSubpartitionState());
            }
            return new AlignmentMetrics(m.alignmentDurationMillis(), m.bytesProcessedDuringAlignment(),
                m.bytesPersistedDuringAlignment() + outputBytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the channel state of checkpoint " + id, e);
        }
    }

    List<OperatorSnapshot> snapshots() {
        return snapshots;
    }

    /** Drops what was written. */
    void abort() {
        cancelTimer();
        if (channelState != null) {
            try {
                channelState.abort(id);
            } catch (IOException ignored) {
                // nothing of it was acknowledged; the coordinator discards the location
            }
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
