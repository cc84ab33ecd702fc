package io.weir.checkpoint.state.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/** Snapshot bytes in a file. The path is kept as a string so that the handle serializes portably. */
public final class FileStateHandle implements StreamStateHandle {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long stateSize;

    public FileStateHandle(Path path, long stateSize) {
        this.path = Objects.requireNonNull(path, "path").toString();
        this.stateSize = stateSize;
    }

    public Path getFilePath() {
        return Paths.get(path);
    }

    @Override
    public InputStream openInputStream() throws IOException {
        return Files.newInputStream(getFilePath());
    }

    @Override
    public long getStateSize() {
        return stateSize;
    }

    @Override
    public void discardState() throws IOException {
        Files.deleteIfExists(getFilePath());
    }

    @Override
    public String toString() {
        return "FileStateHandle{" + path + ", " + stateSize + " bytes}";
    }
}
