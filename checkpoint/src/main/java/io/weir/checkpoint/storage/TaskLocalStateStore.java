package io.weir.checkpoint.storage;

import static io.weir.checkpoint.CheckpointingOptions.LOCAL_BACKUP_DIRS;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.metadata.StateHandles;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Local recovery ({@code execution.checkpointing.local-backup.enabled}): one task's local copies of
 * the state files it acknowledged, so that a restart on the same machine reads local disk instead of
 * the checkpoint storage. A copy is used only when intact (same size and CRC-32 as when it was
 * taken); otherwise the remote file is used. Inline state needs no copy.
 *
 * <p>Layout under the task's directory: {@code files/<name>} (named after the remote path, so a
 * shared file used by several checkpoints is copied once) and {@code chk-<n>.index} (one line per
 * file: CRC-32, size, local name, remote path), written last, so a crash never leaves a partial
 * index. Only the latest confirmed checkpoint and newer pending ones are kept.
 *
 * <p>Threads: {@link #storeLocalState} on the task's asynchronous snapshot thread; the others on the
 * task thread. Methods are synchronized.
 */
public final class TaskLocalStateStore {
    private final Path directory;
    private final Path filesDirectory;

    /** What {@link #retrieve} used: local copies, and remote files used because no intact copy existed. */
    public record RestoreResult(Map<String, OperatorSubtaskState> state, int localFiles, int remoteFallbacks) {
    }

    private record IndexEntry(long crc, long size, String localName, String remotePath) {
    }

    public TaskLocalStateStore(Path directory) {
        this.directory = directory;
        this.filesDirectory = directory.resolve("files");
    }

    /**
     * The store of one subtask: {@code <dir>/<job-id>/<vertex>_<subtask>/}, the dir chosen
     * round-robin from {@code local-backup.dirs} (separated by ',', ';' or the path separator; plain
     * paths or {@code file://} URIs; default: the JVM's temporary directory).
     */
    public static TaskLocalStateStore forTask(Configuration c, String jobId, String vertexId, int subtaskIndex) {
        String dirs = c.get(LOCAL_BACKUP_DIRS);
        List<Path> roots = new ArrayList<>();
        if (dirs != null) {
            for (String d : dirs.split(",|;|" + java.util.regex.Pattern.quote(File.pathSeparator) + "(?!//)")) {
                if (!d.isBlank()) {
                    roots.add(CheckpointPaths.toLocalPath(d.trim(), "'" + LOCAL_BACKUP_DIRS.key() + "'"));
                }
            }
        }
        if (roots.isEmpty()) {
            roots.add(Paths.get(System.getProperty("java.io.tmpdir"), "weir-local-recovery"));
        }
        Path root = roots.get(Math.floorMod(subtaskIndex, roots.size()));
        return new TaskLocalStateStore(root.resolve(jobId).resolve(vertexId + "_" + subtaskIndex));
    }

    public Path directory() {
        return directory;
    }

    /** Copies every file of the acknowledged state of {@code checkpointId} locally (unless an intact copy exists). */
    public synchronized void storeLocalState(long checkpointId, Map<String, OperatorSubtaskState> remote) throws IOException {
        Files.createDirectories(filesDirectory);
        Map<String, IndexEntry> previous = allEntries();
        StringBuilder index = new StringBuilder();
        for (OperatorSubtaskState s : remote.values()) {
            for (StreamStateHandle h : StateHandles.streams(s)) {
                if (h instanceof FileStateHandle f) {
                    IndexEntry e = previous.get(f.getFilePath().toString());
                    if (e == null || !intact(e)) {
                        e = copy(f);
                    }
                    index.append(e.crc()).append('\t').append(e.size()).append('\t').append(e.localName()).append('\t')
                        .append(e.remotePath()).append('\n');
                }
            }
        }
        Path temp = directory.resolve(indexName(checkpointId) + ".tmp");
        Files.writeString(temp, index.toString(), StandardCharsets.UTF_8);
        Files.move(temp, directory.resolve(indexName(checkpointId)), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Checkpoint {@code checkpointId} completed: older local copies are no longer needed. */
    public synchronized void confirmCheckpoint(long checkpointId) throws IOException {
        for (long id : indexedCheckpoints()) {
            if (id < checkpointId) {
                Files.deleteIfExists(directory.resolve(indexName(id)));
            }
        }
        deleteUnreferencedFiles();
    }

    /** Checkpoint {@code checkpointId} was aborted: its copies go. */
    public synchronized void abortCheckpoint(long checkpointId) throws IOException {
        Files.deleteIfExists(directory.resolve(indexName(checkpointId)));
        deleteUnreferencedFiles();
    }

    /**
     * The state to restore {@code checkpointId} from: {@code remote} with each file replaced by its
     * local copy where one is intact. The result is for reading only; never acknowledge or discard it.
     */
    public synchronized RestoreResult retrieve(long checkpointId, Map<String, OperatorSubtaskState> remote) throws IOException {
        Map<String, IndexEntry> entries = readIndex(checkpointId);
        int[] counts = new int[2];
        Map<String, OperatorSubtaskState> result = new LinkedHashMap<>();
        for (Map.Entry<String, OperatorSubtaskState> e : remote.entrySet()) {
            result.put(e.getKey(), StateHandles.map(e.getValue(), h -> {
                if (!(h instanceof FileStateHandle f)) {
                    return h;
                }
                IndexEntry local = entries.get(f.getFilePath().toString());
                if (local != null && intact(local)) {
                    counts[0]++;
                    return new FileStateHandle(filesDirectory.resolve(local.localName()), local.size());
                }
                counts[1]++;
                return h;
            }));
        }
        return new RestoreResult(result, counts[0], counts[1]);
    }

    /** Deletes every local copy (the job ended). */
    public synchronized void dispose() throws IOException {
        FileSystemCheckpointStorage.deleteRecursively(directory);
    }

    private IndexEntry copy(FileStateHandle remote) throws IOException {
        String name = UUID.nameUUIDFromBytes(remote.getFilePath().toString().getBytes(StandardCharsets.UTF_8)).toString();
        Path target = filesDirectory.resolve(name);
        Path temp = filesDirectory.resolve(name + ".tmp");
        CRC32 crc = new CRC32();
        long size;
        try (InputStream in = new CheckedInputStream(remote.openInputStream(), crc);
             OutputStream out = Files.newOutputStream(temp)) {
            size = in.transferTo(out);
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new IndexEntry(crc.getValue(), size, name, remote.getFilePath().toString());
    }

    private boolean intact(IndexEntry e) {
        Path file = filesDirectory.resolve(e.localName());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != e.size()) {
                return false;
            }
            CRC32 crc = new CRC32();
            try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return crc.getValue() == e.crc();
        } catch (IOException ex) {
            return false;
        }
    }

    private Map<String, IndexEntry> readIndex(long checkpointId) throws IOException {
        Map<String, IndexEntry> entries = new HashMap<>();
        Path index = directory.resolve(indexName(checkpointId));
        if (!Files.isRegularFile(index)) {
            return entries;
        }
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 4);
            if (parts.length == 4) {
                try {
                    entries.put(parts[3], new IndexEntry(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2], parts[3]));
                } catch (NumberFormatException ignored) {
                    // a damaged line: that file falls back to the remote copy
                }
            }
        }
        return entries;
    }

    private Map<String, IndexEntry> allEntries() throws IOException {
        Map<String, IndexEntry> all = new HashMap<>();
        for (long id : indexedCheckpoints()) {
            all.putAll(readIndex(id));
        }
        return all;
    }

    private List<Long> indexedCheckpoints() throws IOException {
        TreeMap<Long, Path> ids = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                for (Path p : files.toList()) {
                    String n = p.getFileName().toString();
                    if (n.startsWith("chk-") && n.endsWith(".index")) {
                        try {
                            ids.put(Long.parseLong(n.substring(4, n.length() - 6)), p);
                        } catch (NumberFormatException ignored) {
                            // not ours
                        }
                    }
                }
            }
        }
        return new ArrayList<>(ids.keySet());
    }

    private void deleteUnreferencedFiles() throws IOException {
        if (!Files.isDirectory(filesDirectory)) {
            return;
        }
        Set<String> used = new HashSet<>();
        allEntries().values().forEach(e -> used.add(e.localName()));
        try (var files = Files.list(filesDirectory)) {
            for (Path p : files.toList()) {
                if (!used.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String indexName(long checkpointId) {
        return "chk-" + checkpointId + ".index";
    }
}
