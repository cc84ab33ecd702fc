package io.weir.runtime.connector;

/**
 * A table's sink, created by a {@link TableSinkFactory} at planning time and shared by all
 * subtasks (so immutable). It is either a {@link WriterSink} (no commit protocol: print,
 * blackhole) or a {@link TwoPhaseCommitSink} (exactly-once). The planner checks
 * {@link #acceptedChangelogMode()} and refuses a query whose changelog the sink cannot take.
 */
public interface TableSink {

    /** The row kinds this sink can write. */
    ChangelogMode acceptedChangelogMode();
}
