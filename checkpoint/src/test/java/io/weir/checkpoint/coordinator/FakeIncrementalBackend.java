package io.weir.checkpoint.coordinator;

import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle.HandleAndLocalPath;
import io.weir.checkpoint.metadata.PlaceholderStreamStateHandle;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.CheckpointStreamFactory;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Plays the part of a RocksDB backend taking incremental checkpoints, as Flink's does: a set of
 * local SST files that compactions replace; a snapshot uploads the files that the last completed
 * checkpoint did not hold and sends placeholders for the others.
 */
final class FakeIncrementalBackend {
    private final String backendId;
    private final TreeSet<String> localFiles = new TreeSet<>();
    private final Map<Long, Map<String, StreamStateHandle>> uploadsByCheckpoint = new HashMap<>();
    private Map<String, StreamStateHandle> lastCompletedUploads = Map.of();

    FakeIncrementalBackend(String backendId) {
        this.backendId = backendId;
    }

    /** A flush or a compaction output: a new SST file appears. */
    void createFile(String name) {
        localFiles.add(name);
    }

    /** A compaction merges {@code inputs} into {@code output}, deleting the inputs. */
    void compact(List<String> inputs, String output) {
        inputs.forEach(localFiles::remove);
        localFiles.add(output);
    }

    IncrementalKeyedStateHandle snapshot(long checkpointId, CheckpointStreamFactory shared, CheckpointStreamFactory exclusive)
        throws IOException {
        List<HandleAndLocalPath> sharedFiles = new ArrayList<>();
        Map<String, StreamStateHandle> uploads = new LinkedHashMap<>();
        for (String file : localFiles) {
            StreamStateHandle earlier = lastCompletedUploads.get(file);
            if (earlier != null) {
                sharedFiles.add(new HandleAndLocalPath(file, new PlaceholderStreamStateHandle(backendId + "/" + file,
                    earlier.getStateSize())));
                uploads.put(file, earlier);
            } else {
                StreamStateHandle uploaded = write(shared, "content of " + file);
                sharedFiles.add(new HandleAndLocalPath(file, uploaded));
                uploads.put(file, uploaded);
            }
        }
        uploadsByCheckpoint.put(checkpointId, uploads);
        StreamStateHandle manifest = write(exclusive, "MANIFEST of checkpoint " + checkpointId + " " + localFiles);
        return new IncrementalKeyedStateHandle(backendId, checkpointId, KeyGroupRange.of(0, 127), sharedFiles,
            List.of(new HandleAndLocalPath("MANIFEST-" + checkpointId, manifest)), write(exclusive, "meta"));
    }

    void notifyCheckpointComplete(long checkpointId) {
        lastCompletedUploads = uploadsByCheckpoint.getOrDefault(checkpointId, Map.of());
        uploadsByCheckpoint.keySet().removeIf(id -> id <= checkpointId);
    }

    private static StreamStateHandle write(CheckpointStreamFactory factory, String text) throws IOException {
        try (CheckpointStateOutputStream out = factory.createCheckpointStateOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return out.closeAndGetHandle();
        }
    }
}
