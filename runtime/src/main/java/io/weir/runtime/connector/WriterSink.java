package io.weir.runtime.connector;

import java.io.IOException;

/** A sink without a commit protocol (at-least-once at best): print, blackhole. */
public interface WriterSink extends TableSink {

    /** A writer for one subtask, created on its task thread in {@code open}. */
    SinkWriter createWriter(SinkContext context) throws IOException;
}
