package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.storage.CheckpointStorage;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Turns a fully acknowledged checkpoint into a completed one, and cleans up after one that
 * failed. Completion order: build the metadata, register shared files (replacing placeholders),
 * write {@code _metadata} durably. Only then is the checkpoint complete; the coordinator adds it to
 * the store (pruning to {@code num-retained}) and notifies the tasks. Coordinator thread; file
 * deletions run on the I/O executor.
 */
final class CheckpointCompleter {
    private final String jobId;
    private final CheckpointStorage storage;
    private final SharedStateRegistry registry;
    private final Executor ioExecutor;
    private final Consumer<Throwable> discardFailureHandler;

    CheckpointCompleter(String jobId, CheckpointStorage storage, SharedStateRegistry registry, Executor ioExecutor,
                        Consumer<Throwable> discardFailureHandler) {
        this.jobId = jobId;
        this.storage = storage;
        this.registry = registry;
        this.ioExecutor = ioExecutor;
        this.discardFailureHandler = discardFailureHandler;
    }

    /** @throws CheckpointException with {@code FINALIZE_CHECKPOINT_FAILURE}; the pending checkpoint's files are then cleaned up */
    CompletedCheckpoint complete(PendingCheckpoint pending, long now) throws CheckpointException {
        CheckpointMetadata metadata;
        try {
            metadata = pending.toMetadata(jobId, now);
        } catch (RuntimeException e) {
            discard(pending);
            throw new CheckpointException(CheckpointFailureReason.FINALIZE_CHECKPOINT_FAILURE, e.getMessage(), e);
        }
        boolean registered = pending.kind() == CheckpointKind.CHECKPOINT;
        try {
            if (registered) {
                registry.registerAll(metadata);
            }
            String pointer = pending.location().finalizeCheckpoint(metadata);
            return new CompletedCheckpoint(metadata, pointer, storage);
        } catch (IOException | RuntimeException e) {
            if (registered) {
                registry.release(pending.checkpointId());
            }
            discard(pending);
            throw new CheckpointException(CheckpointFailureReason.FINALIZE_CHECKPOINT_FAILURE, e.getMessage(), e);
        }
    }

    /** Deletes what an aborted or failed checkpoint wrote: acknowledged state, unregistered shared uploads, its location. */
    void discard(PendingCheckpoint pending) {
        for (CheckpointAck ack : pending.acks()) {
            discardState(ack);
        }
        ioExecutor.execute(() -> {
            try {
                pending.location().disposeOnFailure();
            } catch (IOException | RuntimeException e) {
                discardFailureHandler.accept(e);
            }
        });
    }

    /** Deletes the state of an acknowledgement that no checkpoint will use (late, or for an aborted checkpoint). */
    void discardState(CheckpointAck ack) {
        for (OperatorSubtaskState state : ack.operatorStates().values()) {
            registry.discardUnregistered(state);
            ioExecutor.execute(() -> {
                try {
                    state.discardState();
                } catch (IOException | RuntimeException e) {
                    discardFailureHandler.accept(e);
                }
            });
        }
    }
}
