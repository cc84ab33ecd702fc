package io.weir.runtime.connector;

import io.weir.checkpoint.config.Configuration;

/** What a source learns about the subtask that runs it. */
public interface SourceContext {
    int subtaskIndex();

    int parallelism();

    /** The job configuration. */
    Configuration configuration();

    /** Counts a record skipped because of bad input (when the format ignores parse errors). */
    void incrementSkippedRecords();
}
