package io.weir.checkpoint.state.rocksdb;

import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.backend.StateMeta;
import io.weir.checkpoint.state.snapshot.KeyedStateHandle;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A native RocksDB checkpoint of one keyed backend: a directory of hard-linked SST files plus
 * {@code CURRENT}, {@code MANIFEST-*} and {@code OPTIONS-*}, plus {@value #STATES_FILE} naming the
 * states it holds. It is the
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

    /** Name of the file in a native checkpoint that lists its states (per column family: {@link StateMeta#write}). */
    public static final String STATES_FILE = "_weir_states";

    /**
     * A handle for a native checkpoint directory as {@link RocksDbKeyedStateBackend#createNativeCheckpoint}
     * wrote it (e.g. after the checkpoint storage downloaded its files again): the states come from
     * {@link #STATES_FILE}, the file list from the directory.
     */
    public static RocksDbNativeStateHandle fromDirectory(KeyGroupRange keyGroupRange, Path directory) throws IOException {
        List<StateMeta> states = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve(STATES_FILE)))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                states.add(StateMeta.read(in, directory.resolve(STATES_FILE)));
            }
        }
        return new RocksDbNativeStateHandle(keyGroupRange, directory, states, listFiles(directory));
    }

    static void writeStatesFile(Path directory, List<StateMeta> states) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(STATES_FILE)))) {
            out.writeInt(states.size());
            for (StateMeta s : states) {
                s.write(out);
            }
        }
    }

    static Map<String, Long> listFiles(Path directory) throws IOException {
        Map<String, Long> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                files.put(p.getFileName().toString(), Files.size(p));
            }
        }
        return files;
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
