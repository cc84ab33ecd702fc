package io.weir.checkpoint.state.snapshot;

import java.io.IOException;

/**
 * Creates the streams a backend writes snapshot data into, for one checkpoint of one task. The
 * checkpoint storage implements it ({@link MemoryCheckpointStreamFactory}, {@link FsCheckpointStreamFactory}).
 * May be called from the asynchronous snapshot thread.
 */
public interface CheckpointStreamFactory {
    CheckpointStateOutputStream createCheckpointStateOutputStream() throws IOException;
}
