package io.weir.checkpoint.storage;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Directory names and the conversion of user-given locations (plain paths or {@code file://}
 * URIs, as Flink users write them) into local paths.
 */
public final class CheckpointPaths {
    public static final String METADATA_FILE_NAME = "_metadata";
    public static final String CHECKPOINT_DIR_PREFIX = "chk-";
    public static final String SHARED_STATE_DIR = "shared";
    public static final String TASK_OWNED_STATE_DIR = "taskowned";
    public static final String SAVEPOINT_DIR_PREFIX = "savepoint-";

    private CheckpointPaths() {
    }

    /**
     * A local path from a plain path or a {@code file:} URI; {@code what} names the setting in errors.
     *
     * @throws IllegalArgumentException for other schemes (not supported yet) or a malformed URI
     */
    public static Path toLocalPath(String location, String what) {
        String text = location.trim();
        int colon = text.indexOf(':');
        boolean hasScheme = colon > 1 && text.substring(0, colon).matches("[a-zA-Z][a-zA-Z0-9+.-]*");
        if (!hasScheme) {
            return Paths.get(text);
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
            throw new IllegalArgumentException("not supported yet: file system scheme '" + scheme + "' in " + what + " = '"
                + location + "' (use a local path or a file:// URI)");
        }
        try {
            URI uri = new URI(text);
            if (uri.getAuthority() != null && !uri.getAuthority().isEmpty() && !uri.getAuthority().equals("localhost")) {
                throw new IllegalArgumentException("a file:// URI needs three slashes (file:///path), got host '"
                    + uri.getAuthority() + "' in " + what + " = '" + location + "'");
            }
            return Paths.get(uri.getPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URI in " + what + " = '" + location + "': " + e.getMessage(), e);
        }
    }

    /** {@code chk-<n>}. */
    public static String checkpointDirName(long checkpointId) {
        return CHECKPOINT_DIR_PREFIX + checkpointId;
    }

    /**
     * The {@code _metadata} file a user-given pointer means: the file itself, or the file in the
     * given ({@code chk-<n>} or savepoint) directory.
     *
     * @throws FileNotFoundException naming the path when it, or the metadata file in it, does not exist
     */
    public static Path resolveMetadataFile(String pointer) throws FileNotFoundException {
        Path path = toLocalPath(pointer, "checkpoint path");
        if (!Files.exists(path)) {
            throw new FileNotFoundException("Cannot find checkpoint or savepoint: " + path.toAbsolutePath() + " does not exist");
        }
        if (Files.isDirectory(path)) {
            Path metadata = path.resolve(METADATA_FILE_NAME);
            if (!Files.isRegularFile(metadata)) {
                throw new FileNotFoundException("Checkpoint directory " + path.toAbsolutePath() + " has no " + METADATA_FILE_NAME
                    + " file (the checkpoint did not complete, or this is not a checkpoint directory)");
            }
            return metadata;
        }
        return path;
    }
}
