package io.weir.checkpoint.metadata;

import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stands for a shared file that an earlier retained checkpoint already uploaded: an incremental
 * snapshot sends this instead of uploading the file again, and the shared-state registry replaces
 * it by the registered handle when the checkpoint completes. Never written into {@code _metadata}.
 */
public final class PlaceholderStreamStateHandle implements StreamStateHandle {
    private static final long serialVersionUID = 1L;

    private final String registryKey;
    private final long stateSize;

    public PlaceholderStreamStateHandle(String registryKey, long stateSize) {
        this.registryKey = registryKey;
        this.stateSize = stateSize;
    }

    public String registryKey() {
        return registryKey;
    }

    @Override
    public InputStream openInputStream() throws IOException {
        throw new IOException("placeholder for shared state '" + registryKey + "' was never replaced by the registered handle");
    }

    @Override
    public long getStateSize() {
        return stateSize;
    }

    @Override
    public void discardState() {
        // the registry owns the real file
    }

    @Override
    public String toString() {
        return "Placeholder{" + registryKey + "}";
    }
}
