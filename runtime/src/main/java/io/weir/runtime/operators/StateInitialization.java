package io.weir.runtime.operators;

import java.util.OptionalLong;

/** What {@link StreamOperator#initializeState} learns about where its state came from. */
public interface StateInitialization {

    /** True when state was restored from a checkpoint or savepoint. */
    default boolean isRestored() {
        return restoredCheckpointId().isPresent();
    }

    /** The id of the checkpoint the state was restored from, if any. */
    OptionalLong restoredCheckpointId();

    /** A fresh start. */
    static StateInitialization fresh() {
        return OptionalLong::empty;
    }

    /** Restored from checkpoint {@code checkpointId}. */
    static StateInitialization restoredFrom(long checkpointId) {
        return () -> OptionalLong.of(checkpointId);
    }
}
