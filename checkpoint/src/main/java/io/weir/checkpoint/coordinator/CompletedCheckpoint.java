package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.storage.CheckpointStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A checkpoint whose {@code _metadata} is durably written: its metadata, the pointer to find it
 * again (the {@code chk-<n>} directory for filesystem storage) and the storage that holds it.
 */
public final class CompletedCheckpoint {
    private final CheckpointMetadata metadata;
    private final String pointer;
    private final CheckpointStorage storage;

    public CompletedCheckpoint(CheckpointMetadata metadata, String pointer, CheckpointStorage storage) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    public long checkpointId() {
        return metadata.checkpointId();
    }

    public CheckpointMetadata metadata() {
        return metadata;
    }

    /** Where the checkpoint is: what {@code -s <path>} / {@code execution.state-recovery.path} accepts. */
    public String pointer() {
        return pointer;
    }

    /**
     * Deletes the state this checkpoint owns (exclusive and private files), then its directory, on
     * {@code ioExecutor}: with {@code parallel} one task per operator (Flink's
     * {@code cleaner.parallel-mode}), else one task for all. Shared files are the registry's:
     * release them there first. Failures go to {@code onFailure}; the rest is still deleted.
     */
    void discardOwnedState(Executor ioExecutor, boolean parallel, Consumer<Throwable> onFailure) {
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        if (parallel) {
            for (OperatorState op : metadata.operatorStates()) {
                parts.add(CompletableFuture.runAsync(() -> discard(op, onFailure), ioExecutor));
            }
        } else {
            parts.add(CompletableFuture.runAsync(() -> metadata.operatorStates().forEach(op -> discard(op, onFailure)), ioExecutor));
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
            try {
                storage.discardCompletedCheckpoint(pointer);
            } catch (IOException | RuntimeException e) {
                onFailure.accept(e);
            }
        }, ioExecutor);
    }

    private static void discard(OperatorState op, Consumer<Throwable> onFailure) {
        try {
            op.discardState();
        } catch (IOException | RuntimeException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public String toString() {
        return "CompletedCheckpoint{" + metadata.checkpointId() + " at " + pointer + "}";
    }
}
