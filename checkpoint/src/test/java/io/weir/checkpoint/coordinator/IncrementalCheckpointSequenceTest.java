package io.weir.checkpoint.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.IncrementalKeyedStateHandle;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.storage.CheckpointStorageLocation;
import io.weir.checkpoint.storage.FileSystemCheckpointStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the textbook sequence of incremental checkpoints (Flink's "Managing Large State in Apache
 * Flink: An Intro to Incremental Checkpointing"), num-retained 2, and checks after every step
 * exactly which shared files exist and each one's reference count. SST names stand for the
 * blog's sstable-(1), (2), (3), (1,2,3), (4), (4,5,6).
 */
class IncrementalCheckpointSequenceTest {
    @TempDir
    Path tmp;

    private final List<Throwable> discardFailures = new ArrayList<>();
    private FileSystemCheckpointStorage storage;
    private SharedStateRegistry registry;
    private CompletedCheckpointStore store;
    private FakeIncrementalBackend backend;

    @BeforeEach
    void setUp() {
        storage = new FileSystemCheckpointStorage("job", tmp, null, true, 1024, 4096);
        registry = new SharedStateRegistry(Runnable::run, discardFailures::add);
        store = new CompletedCheckpointStore(2, registry, Runnable::run, discardFailures::add, true);
        backend = new FakeIncrementalBackend("b1");
    }

    private void checkpoint(long id) throws IOException {
        CheckpointStorageLocation location = storage.initializeLocationForCheckpoint(id);
        IncrementalKeyedStateHandle handle = backend.snapshot(id, storage.sharedStateStreamFactory(),
            location.exclusiveStateStreamFactory());
        OperatorState op = new OperatorState("agg", 1, 128);
        op.putState(0, OperatorSubtaskState.keyed(handle));
        CheckpointMetadata metadata = new CheckpointMetadata("job", id, CheckpointKind.CHECKPOINT, id, id, List.of(op));
        registry.registerAll(metadata);
        String pointer = location.finalizeCheckpoint(metadata);
        store.addAndSubsume(new CompletedCheckpoint(metadata, pointer, storage));
        backend.notifyCheckpointComplete(id);
    }

    /** The content ("content of X") of each file in shared/, i.e. which SST files are stored. */
    private TreeSet<String> sharedFiles() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(storage.sharedStateDirectory())) {
            for (Path f : files.toList()) {
                names.add(Files.readString(f, StandardCharsets.UTF_8).replace("content of ", ""));
            }
        }
        return names;
    }

    private static Map<String, Integer> counts(Object... fileAndCount) {
        Map<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < fileAndCount.length; i += 2) {
            m.put("b1/" + fileAndCount[i], (Integer) fileAndCount[i + 1]);
        }
        return m;
    }

    @Test
    void shouldKeepExactlyTheFilesRetainedCheckpointsReferTo() throws IOException {
        backend.createFile("sst-1");
        backend.createFile("sst-2");
        checkpoint(1);
        assertEquals(new TreeSet<>(List.of("sst-1", "sst-2")), sharedFiles());
        assertEquals(counts("sst-1", 1, "sst-2", 1), registry.referenceCounts());

        backend.createFile("sst-3");
        checkpoint(2);
        assertEquals(new TreeSet<>(List.of("sst-1", "sst-2", "sst-3")), sharedFiles(), "only sst-3 uploaded");
        assertEquals(counts("sst-1", 2, "sst-2", 2, "sst-3", 1), registry.referenceCounts());

        backend.compact(List.of("sst-1", "sst-2", "sst-3"), "sst-123");
        backend.createFile("sst-4");
        checkpoint(3); // subsumes checkpoint 1
        assertEquals(new TreeSet<>(List.of("sst-1", "sst-2", "sst-3", "sst-123", "sst-4")), sharedFiles());
        assertEquals(counts("sst-1", 1, "sst-2", 1, "sst-3", 1, "sst-123", 1, "sst-4", 1), registry.referenceCounts());
        assertFalse(Files.exists(tmp.resolve("job/chk-1")), "chk-1 discarded");

        backend.createFile("sst-5");
        backend.createFile("sst-6");
        backend.compact(List.of("sst-4", "sst-5", "sst-6"), "sst-456");
        checkpoint(4); // subsumes checkpoint 2: sst-1, sst-2, sst-3 lose their last reference
        assertEquals(new TreeSet<>(List.of("sst-123", "sst-4", "sst-456")), sharedFiles());
        assertEquals(counts("sst-123", 2, "sst-4", 1, "sst-456", 1), registry.referenceCounts());
        assertFalse(Files.exists(tmp.resolve("job/chk-2")));
        assertTrue(Files.exists(tmp.resolve("job/chk-3/_metadata")));
        assertTrue(Files.exists(tmp.resolve("job/chk-4/_metadata")));
        assertTrue(discardFailures.isEmpty(), discardFailures.toString());
    }

    @Test
    void whenReadBack_thenMetadataRefersToRegisteredFilesNotPlaceholders() throws IOException {
        backend.createFile("sst-1");
        checkpoint(1);
        backend.createFile("sst-2");
        checkpoint(2);
        CheckpointMetadata read = storage.resolveCheckpoint(store.latest().orElseThrow().pointer());
        IncrementalKeyedStateHandle h = (IncrementalKeyedStateHandle) read.operatorState("agg").orElseThrow()
            .state(0).keyedState().get(0);
        for (IncrementalKeyedStateHandle.HandleAndLocalPath f : h.sharedState()) {
            assertTrue(Files.exists(((FileStateHandle) f.handle()).getFilePath()), f.localPath());
        }
        assertEquals(2, h.sharedState().size());
    }

    @Test
    void whenJobRestartsFromRetainedCheckpoints_thenRegistryIsRebuiltAndPruningContinues() throws IOException {
        backend.createFile("sst-1");
        checkpoint(1);
        backend.createFile("sst-2");
        checkpoint(2);
        List<String> pointers = store.all().stream().map(CompletedCheckpoint::pointer).toList();

        registry = new SharedStateRegistry(Runnable::run, discardFailures::add);
        store = new CompletedCheckpointStore(2, registry, Runnable::run, discardFailures::add, true);
        for (String p : pointers) {
            store.addRecovered(new CompletedCheckpoint(storage.resolveCheckpoint(p), p, storage));
        }
        assertEquals(counts("sst-1", 2, "sst-2", 1), registry.referenceCounts());

        backend = new FakeIncrementalBackend("b2"); // a restored backend uploads under its new id
        backend.createFile("sst-9");
        checkpoint(3);
        checkpoint(4);
        assertEquals(counts("sst-9", 2), registry.referenceCounts().entrySet().stream()
            .collect(TreeMap::new, (m, e) -> m.put(e.getKey().replace("b2/", "b1/"), e.getValue()), Map::putAll));
        assertEquals(new TreeSet<>(List.of("sst-9")), sharedFiles(), "files of the old backend released");
    }

    @Test
    void whenCheckpointAborted_thenOnlyItsNewUnregisteredUploadsAreDeleted() throws IOException {
        backend.createFile("sst-1");
        checkpoint(1);
        backend.createFile("sst-2");
        CheckpointStorageLocation location = storage.initializeLocationForCheckpoint(2);
        IncrementalKeyedStateHandle aborted = backend.snapshot(2, storage.sharedStateStreamFactory(),
            location.exclusiveStateStreamFactory());
        registry.discardUnregistered(OperatorSubtaskState.keyed(aborted));
        location.disposeOnFailure();
        assertEquals(new TreeSet<>(List.of("sst-1")), sharedFiles());
        assertEquals(counts("sst-1", 1), registry.referenceCounts());
    }

    @Test
    void shouldDiscardOrKeepRetainedCheckpointsOnShutdownAsRetentionSays() {
        var retention = io.weir.checkpoint.CheckpointingOptions.ExternalizedCheckpointRetention.class.getEnumConstants();
        for (var r : retention) {
            for (JobTerminalStatus s : JobTerminalStatus.values()) {
                boolean discard = CompletedCheckpointStore.shouldDiscard(s, r);
                boolean expected = switch (r) {
                    case NO_EXTERNALIZED_CHECKPOINTS -> s != JobTerminalStatus.SUSPENDED;
                    case DELETE_ON_CANCELLATION -> s == JobTerminalStatus.FINISHED || s == JobTerminalStatus.CANCELED;
                    case RETAIN_ON_CANCELLATION -> false;
                };
                assertEquals(expected, discard, r + " " + s);
            }
        }
    }
}
