package io.weir.runtime.connector;

/** A {@link ScanSource} that can read only some of its physical columns. */
public interface SupportsProjectionPushDown<S extends SourceSplit> {

    /**
     * A source (a new instance) whose rows hold only the physical fields at {@code fields}, in that
     * order; {@link ScanSource#producedType()} of the result reflects the projection.
     */
    ScanSource<S> applyProjection(int[] fields);
}
