package io.weir.runtime.cluster;

import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.runtime.tasks.TaskEnvironment;
import java.util.Objects;

/**
 * How a job submitted with checkpointing is wired before its tasks start: where snapshots are
 * written, whom tasks acknowledge to, and whether finished tasks wait for a final checkpoint (so
 * that two-phase-commit sinks commit the tail of their output before the job is FINISHED; the
 * coordinator must then keep triggering checkpoints until the job ends).
 */
public final class CheckpointSetup {
    private final CheckpointStreamFactory streams;
    private final TaskEnvironment.CheckpointResponder responder;
    private final boolean awaitFinalCheckpoint;
    private final java.util.function.LongFunction<CheckpointStreamFactory> streamsPerCheckpoint;

    public CheckpointSetup(CheckpointStreamFactory streams, TaskEnvironment.CheckpointResponder responder,
                           boolean awaitFinalCheckpoint) {
        this(streams, responder, awaitFinalCheckpoint, null);
    }

    /**
     * Also with per-checkpoint stream factories ({@code streamsPerCheckpoint.apply(checkpointId)},
     * the checkpoint's storage location; null results fall back to {@code streams}).
     */
    public CheckpointSetup(CheckpointStreamFactory streams, TaskEnvironment.CheckpointResponder responder,
                           boolean awaitFinalCheckpoint, java.util.function.LongFunction<CheckpointStreamFactory> streamsPerCheckpoint) {
        this.streamsPerCheckpoint = streamsPerCheckpoint;
        this.streams = Objects.requireNonNull(streams, "streams");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.awaitFinalCheckpoint = awaitFinalCheckpoint;
    }

    public CheckpointStreamFactory streams() { return streams; }

    public TaskEnvironment.CheckpointResponder responder() { return responder; }

    public boolean awaitFinalCheckpoint() { return awaitFinalCheckpoint; }

    /** Per-checkpoint stream factories, or null. */
    public java.util.function.LongFunction<CheckpointStreamFactory> streamsPerCheckpoint() { return streamsPerCheckpoint; }
}
