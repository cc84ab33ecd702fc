package io.weir.checkpoint.metadata;

import java.io.IOException;

/** A {@code _metadata} file that is missing, truncated, corrupt, foreign or of an unknown version; the message names the file. */
public final class MetadataFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public MetadataFormatException(String message) {
        super(message);
    }

    public MetadataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
