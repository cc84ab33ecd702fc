package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A native RocksDB checkpoint of one keyed backend: a directory of hard-linked SST files plus
 * {@code CURRENT}, {@code MANIFEST-*} and {@code OPTIONS-*}, with the states it holds. It is the
 * base of incremental checkpoints: {@link #getFiles()} names each file with its size, so that the
 * checkpoint storage can upload only SST files no retained checkpoint holds yet (SST files are
 * immutable and uniquely numbered per instance). A backend can restore from it at any key-group
 * range (the overlap is copied out of the checkpoint, opened read-only).
 */
public final class RocksDbNativeStateHandle implements KeyedStateHandle {
    private static final long serialVersionUID = 1L;

    private final KeyGroupRange keyGroupRange;
    private final String directory;
    private final List<StateMeta> states;
    private final Map<String, Long> files;

    public RocksDbNativeStateHandle(KeyGroupRange keyGroupRange, Path directory, List<StateMeta> states, Map<String, Long> files) {
        this.keyGroupRange = keyGroupRange;
        this.directory = directory.toString();
        this.states = List.copyOf(states);
        this.files = Map.copyOf(files);
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    public Path getDirectory() {
        return Paths.get(directory);
    }

    /** The states (column families) in the checkpoint. */
    public List<StateMeta> getStates() {
        return states;
    }

    /** File name (relative to the directory) to size in bytes. */
    public Map<String, Long> getFiles() {
        return files;
    }

    @Override
    public long getStateSize() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public KeyedStateHandle getIntersection(KeyGroupRange range) {
        KeyGroupRange common = keyGroupRange.getIntersection(range);
        return common.isEmpty() ? null : new RocksDbNativeStateHandle(common, getDirectory(), states, files);
    }

    @Override
    public void discardState() throws IOException {
        Path dir = getDirectory();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RocksDbNativeStateHandle{" + keyGroupRange + ", " + directory + ", " + files.size() + " files}";
    }
}
