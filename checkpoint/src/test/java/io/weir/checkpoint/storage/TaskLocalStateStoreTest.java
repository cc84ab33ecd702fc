package io.weir.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.metadata.StateHandles;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.OperatorStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLocalStateStoreTest {
    @TempDir
    Path tmp;

    private FileStateHandle remoteFile(String name, int size, int seed) throws IOException {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * seed);
        }
        Path p = Files.createDirectories(tmp.resolve("remote")).resolve(name);
        Files.write(p, data);
        return new FileStateHandle(p, size);
    }

    private static Map<String, OperatorSubtaskState> state(StreamStateHandle keyed, StreamStateHandle operator) {
        OperatorSubtaskState s = new OperatorSubtaskState(
            List.of(new KeyGroupsStateHandle(new KeyGroupRangeOffsets(KeyGroupRange.of(0, 0), new long[] {0}), keyed)),
            List.of(new OperatorStateHandle(Map.of(), operator)), List.of(), List.of());
        return Map.of("agg", s);
    }

    private static byte[] read(StreamStateHandle h) throws IOException {
        try (InputStream in = h.openInputStream()) {
            return in.readAllBytes();
        }
    }

    private static List<StreamStateHandle> streams(Map<String, OperatorSubtaskState> s) {
        return StateHandles.streams(s.get("agg"));
    }

    @Test
    void whenLocalCopiesIntact_thenRestoreReadsThemLocally() throws IOException {
        TaskLocalStateStore store = new TaskLocalStateStore(tmp.resolve("local"));
        FileStateHandle keyed = remoteFile("k", 5000, 3);
        Map<String, OperatorSubtaskState> remote = state(keyed, new ByteStreamStateHandle("op", new byte[] {1}));
        store.storeLocalState(1, remote);

        TaskLocalStateStore.RestoreResult r = store.retrieve(1, remote);
        assertEquals(1, r.localFiles());
        assertEquals(0, r.remoteFallbacks());
        FileStateHandle local = (FileStateHandle) streams(r.state()).get(0);
        assertTrue(local.getFilePath().startsWith(tmp.resolve("local")), local.getFilePath().toString());
        assertArrayEquals(read(keyed), read(local));
        assertEquals(ByteStreamStateHandle.class, streams(r.state()).get(1).getClass(), "inline state needs no copy");
    }

    @Test
    void whenLocalCopyCorruptOrMissing_thenRemoteFileIsUsed() throws IOException {
        TaskLocalStateStore store = new TaskLocalStateStore(tmp.resolve("local"));
        FileStateHandle a = remoteFile("a", 1000, 1);
        FileStateHandle b = remoteFile("b", 1000, 2);
        Map<String, OperatorSubtaskState> remote = state(a, b);
        store.storeLocalState(7, remote);
        List<Path> copies;
        try (Stream<Path> files = Files.list(tmp.resolve("local/files"))) {
            copies = files.sorted().toList();
        }
        assertEquals(2, copies.size());
        byte[] bytes = Files.readAllBytes(copies.get(0));
        bytes[500] ^= 1;
        Files.write(copies.get(0), bytes);
        Files.delete(copies.get(1));

        TaskLocalStateStore.RestoreResult r = store.retrieve(7, remote);
        assertEquals(0, r.localFiles());
        assertEquals(2, r.remoteFallbacks());
        assertEquals(List.of(a.getFilePath(), b.getFilePath()),
            streams(r.state()).stream().map(h -> ((FileStateHandle) h).getFilePath()).toList());
        assertEquals(2, store.retrieve(99, remote).remoteFallbacks(), "no local copy of an unknown checkpoint");
    }

    @Test
    void whenCheckpointConfirmed_thenOlderCopiesGoButSharedFilesStay() throws IOException {
        TaskLocalStateStore store = new TaskLocalStateStore(tmp.resolve("local"));
        FileStateHandle shared = remoteFile("shared", 100, 5);
        store.storeLocalState(1, state(shared, remoteFile("only1", 100, 6)));
        store.storeLocalState(2, state(shared, remoteFile("only2", 100, 7)));
        store.confirmCheckpoint(2);
        assertFalse(Files.exists(tmp.resolve("local/chk-1.index")));
        try (Stream<Path> files = Files.list(tmp.resolve("local/files"))) {
            assertEquals(2, files.count());
        }
        store.abortCheckpoint(2);
        try (Stream<Path> files = Files.list(tmp.resolve("local/files"))) {
            assertEquals(0, files.count());
        }
        store.dispose();
        assertFalse(Files.exists(tmp.resolve("local")));
    }

    @Test
    void shouldSpreadTasksOverLocalBackupDirs() {
        Configuration c = new Configuration().setString("execution.checkpointing.local-backup.dirs",
            tmp.resolve("d1") + "," + "file://" + tmp.resolve("d2").toAbsolutePath());
        assertEquals(tmp.resolve("d1/job/agg_0"), TaskLocalStateStore.forTask(c, "job", "agg", 0).directory());
        assertEquals(tmp.resolve("d2/job/agg_1").toAbsolutePath(), TaskLocalStateStore.forTask(c, "job", "agg", 1).directory());
        assertTrue(TaskLocalStateStore.forTask(new Configuration(), "job", "agg", 0).directory().toString()
            .contains("weir-local-recovery"));
    }
}
