package io.weir.checkpoint.storage;

import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import java.io.IOException;
import java.util.Objects;

/**
 * The streams of one checkpoint when {@code execution.checkpointing.incremental} is on: as a
 * {@link CheckpointStreamFactory} it writes the checkpoint's exclusive state (its {@code chk-<n>/}
 * location); {@link #shared()} writes files that later checkpoints may share ({@code shared/}).
 * A task that finds this factory takes incremental keyed snapshots
 * ({@code KeyedStateBackend#snapshotIncremental}); any other factory means full snapshots.
 * Thread-safe as its two factories are.
 */
public final class IncrementalCheckpointStreams implements CheckpointStreamFactory {
    private final CheckpointStreamFactory exclusive;
    private final CheckpointStreamFactory shared;

    public IncrementalCheckpointStreams(CheckpointStreamFactory exclusive, CheckpointStreamFactory shared) {
        this.exclusive = Objects.requireNonNull(exclusive, "exclusive");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream() throws IOException {
        return exclusive.createCheckpointStateOutputStream();
    }

    /** Where files shared between checkpoints go (filesystem storage: {@code <dir>/<job-id>/shared/}). */
    public CheckpointStreamFactory shared() {
        return shared;
    }

    /** Where this checkpoint's own files go. */
    public CheckpointStreamFactory exclusive() {
        return exclusive;
    }
}
