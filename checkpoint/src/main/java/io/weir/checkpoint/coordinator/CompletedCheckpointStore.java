package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.CheckpointingOptions.ExternalizedCheckpointRetention;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The retained completed checkpoints of one job, at most {@code num-retained}, oldest first.
 * Adding one subsumes (discards) the oldest beyond the limit: its shared-file references are
 * released in the {@link SharedStateRegistry} and its own files deleted on the I/O executor.
 * Coordinator thread only.
 */
public final class CompletedCheckpointStore {
    private final int numRetained;
    private final SharedStateRegistry registry;
    private final Executor ioExecutor;
    private final Consumer<Throwable> discardFailureHandler;
    private final boolean parallelCleanup;
    private final ArrayDeque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();

    /** @param parallelCleanup {@code cleaner.parallel-mode} */
    public CompletedCheckpointStore(int numRetained, SharedStateRegistry registry, Executor ioExecutor,
                                    Consumer<Throwable> discardFailureHandler, boolean parallelCleanup) {
        if (numRetained < 1) {
            throw new IllegalArgumentException("num-retained must be at least 1");
        }
        this.numRetained = numRetained;
        this.registry = registry;
        this.ioExecutor = ioExecutor;
        this.discardFailureHandler = discardFailureHandler;
        this.parallelCleanup = parallelCleanup;
    }

    /**
     * Adds a checkpoint whose shared state is already registered, and subsumes the oldest ones
     * beyond {@code num-retained}.
     *
     * @return the subsumed checkpoints
     */
    public List<CompletedCheckpoint> addAndSubsume(CompletedCheckpoint checkpoint) {
        checkpoints.addLast(checkpoint);
        List<CompletedCheckpoint> subsumed = new ArrayList<>();
        while (checkpoints.size() > numRetained) {
            CompletedCheckpoint oldest = checkpoints.removeFirst();
            discard(oldest);
            subsumed.add(oldest);
        }
        return subsumed;
    }

    /**
     * Adds a checkpoint read back from storage after a restart (registers its shared files, which
     * a recovered job did not register yet).
     */
    public void addRecovered(CompletedCheckpoint checkpoint) {
        registry.registerAll(checkpoint.metadata());
        addAndSubsume(checkpoint);
    }

    public Optional<CompletedCheckpoint> latest() {
        return Optional.ofNullable(checkpoints.peekLast());
    }

    /** Retained checkpoints, oldest first. */
    public List<CompletedCheckpoint> all() {
        return List.copyOf(checkpoints);
    }

    /**
     * Called once when the job reaches a terminal status: keeps or discards the retained
     * checkpoints as {@code externalized-checkpoint-retention} says (Flink's rules: never-retained
     * checkpoints are always discarded; {@code DELETE_ON_CANCELLATION} keeps them when the job
     * failed; {@code RETAIN_ON_CANCELLATION} always keeps them). Suspension keeps all.
     *
     * @return whether the checkpoints were discarded
     */
    public boolean shutdown(JobTerminalStatus status, ExternalizedCheckpointRetention retention) {
        boolean discard = shouldDiscard(status, retention);
        if (discard) {
            while (!checkpoints.isEmpty()) {
                discard(checkpoints.removeFirst());
            }
        }
        checkpoints.clear();
        return discard;
    }

    /** Whether a job ending with {@code status} discards its retained checkpoints under {@code retention}. */
    public static boolean shouldDiscard(JobTerminalStatus status, ExternalizedCheckpointRetention retention) {
        if (status == JobTerminalStatus.SUSPENDED) {
            return false;
        }
        switch (retention) {
            case NO_EXTERNALIZED_CHECKPOINTS:
                return true;
            case DELETE_ON_CANCELLATION:
                return status != JobTerminalStatus.FAILED;
            case RETAIN_ON_CANCELLATION:
                return false;
            default:
                throw new IllegalStateException(String.valueOf(retention));
        }
    }

    private void discard(CompletedCheckpoint checkpoint) {
        registry.release(checkpoint.checkpointId());
        checkpoint.discardOwnedState(ioExecutor, parallelCleanup, discardFailureHandler);
    }
}
