package io.weir.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.MetadataFormatException;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.CheckpointStateOutputStream;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemCheckpointStorageTest {
    @TempDir
    Path tmp;

    private FileSystemCheckpointStorage storage(boolean createSubdir) {
        return new FileSystemCheckpointStorage("job-42", tmp.resolve("ckpts"), tmp.resolve("savepoints"), createSubdir, 1024, 4096);
    }

    private static StreamStateHandle write(CheckpointStateOutputStream out, int bytes) throws IOException {
        try (out) {
            out.write(new byte[bytes]);
            return out.closeAndGetHandle();
        }
    }

    private static CheckpointMetadata metadata(long id, StreamStateHandle... handles) {
        OperatorState op = new OperatorState("op", Math.max(1, handles.length), 128);
        for (int i = 0; i < handles.length; i++) {
            op.putState(i, OperatorSubtaskState.keyed(new KeyGroupsStateHandle(
                new KeyGroupRangeOffsets(KeyGroupRange.of(i, i), new long[] {0}), handles[i])));
        }
        return new CheckpointMetadata("job-42", id, CheckpointKind.CHECKPOINT, 10, 20, List.of(op));
    }

    @Test
    void shouldUseFlinkLayoutWithJobSubdirectory() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        CheckpointStorageLocation loc = s.initializeLocationForCheckpoint(3);
        String pointer = loc.finalizeCheckpoint(metadata(3));
        Path job = tmp.resolve("ckpts/job-42");
        assertTrue(Files.isRegularFile(job.resolve("chk-3/_metadata")));
        assertTrue(Files.isDirectory(job.resolve("shared")));
        assertTrue(Files.isDirectory(job.resolve("taskowned")));
        assertEquals(job.resolve("chk-3").toAbsolutePath().toString(), pointer);
        try (Stream<Path> files = Files.list(job.resolve("chk-3"))) {
            assertEquals(List.of("_metadata"), files.map(p -> p.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void whenCreateSubdirIsOff_thenCheckpointsGoDirectlyIntoDir() throws IOException {
        storage(false).initializeLocationForCheckpoint(1).finalizeCheckpoint(metadata(1));
        assertTrue(Files.isRegularFile(tmp.resolve("ckpts/chk-1/_metadata")));
        assertTrue(Files.isDirectory(tmp.resolve("ckpts/shared")));
    }

    @Test
    void shouldKeepSmallStateInlineAndLargeStateInExclusiveFiles() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        CheckpointStorageLocation loc = s.initializeLocationForCheckpoint(5);
        StreamStateHandle small = write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 1000);
        StreamStateHandle large = write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 5000);
        assertInstanceOf(ByteStreamStateHandle.class, small);
        FileStateHandle file = assertInstanceOf(FileStateHandle.class, large);
        assertEquals(tmp.resolve("ckpts/job-42/chk-5").toAbsolutePath(), file.getFilePath().getParent().toAbsolutePath());

        String pointer = loc.finalizeCheckpoint(metadata(5, small, large));
        CheckpointMetadata read = s.resolveCheckpoint(pointer);
        KeyGroupsStateHandle h = (KeyGroupsStateHandle) read.operatorState("op").orElseThrow().state(1).keyedState().get(0);
        try (InputStream in = h.getDelegateStateHandle().openInputStream()) {
            assertEquals(5000, in.readAllBytes().length);
        }
        assertEquals(6000, read.stateSize());
    }

    @Test
    void shouldResolveByDirectoryMetadataFileOrFileUri() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        String pointer = s.initializeLocationForCheckpoint(2).finalizeCheckpoint(metadata(2));
        assertEquals(2, s.resolveCheckpoint(pointer).checkpointId());
        assertEquals(2, s.resolveCheckpoint(pointer + "/_metadata").checkpointId());
        assertEquals(2, s.resolveCheckpoint(Path.of(pointer).toUri().toString()).checkpointId());
    }

    @Test
    void whenCheckpointMissingOrIncomplete_thenErrorNamesTheFile() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        Path missing = tmp.resolve("nope/chk-9");
        String msg = assertThrows(FileNotFoundException.class, () -> s.resolveCheckpoint(missing.toString())).getMessage();
        assertTrue(msg.contains(missing.toAbsolutePath().toString()), msg);

        CheckpointStorageLocation pending = s.initializeLocationForCheckpoint(4);
        msg = assertThrows(FileNotFoundException.class, () -> s.resolveCheckpoint(pending.pointer())).getMessage();
        assertTrue(msg.contains("chk-4") && msg.contains("_metadata"), msg);
    }

    @Test
    void whenMetadataTruncated_thenErrorNamesTheFile() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        String pointer = s.initializeLocationForCheckpoint(6).finalizeCheckpoint(metadata(6));
        Path file = Path.of(pointer, "_metadata");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        String msg = assertThrows(MetadataFormatException.class, () -> s.resolveCheckpoint(pointer)).getMessage();
        assertTrue(msg.contains(file.toAbsolutePath().toString()) && msg.contains("truncated"), msg);
    }

    @Test
    void whenMetadataAlreadyExists_thenFinalizeRefuses() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        CheckpointStorageLocation loc = s.initializeLocationForCheckpoint(1);
        loc.finalizeCheckpoint(metadata(1));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> loc.finalizeCheckpoint(metadata(1)));
    }

    @Test
    void shouldCreateSavepointDirectoriesWithTheirOwnStateFiles() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        CheckpointStorageLocation loc = s.initializeLocationForSavepoint(8, null);
        StreamStateHandle large = write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 4096);
        String pointer = loc.finalizeCheckpoint(metadata(8, large));
        Path dir = Path.of(pointer);
        assertEquals(tmp.resolve("savepoints").toAbsolutePath(), dir.getParent().toAbsolutePath());
        assertTrue(dir.getFileName().toString().matches("savepoint-job-42-[0-9a-f]{12}"), dir.toString());

        Path moved = tmp.resolve("moved-savepoint");
        Files.move(dir, moved);
        KeyGroupsStateHandle h = (KeyGroupsStateHandle) s.resolveCheckpoint(moved.toString())
            .operatorState("op").orElseThrow().state(0).keyedState().get(0);
        assertTrue(Files.exists(((FileStateHandle) h.getDelegateStateHandle()).getFilePath()), "relocated state file found");
    }

    @Test
    void whenDisposedOrDiscarded_thenDirectoryIsGone() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        CheckpointStorageLocation failed = s.initializeLocationForCheckpoint(1);
        write(failed.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 5000);
        failed.disposeOnFailure();
        assertFalse(Files.exists(tmp.resolve("ckpts/job-42/chk-1")));

        String pointer = s.initializeLocationForCheckpoint(2).finalizeCheckpoint(metadata(2));
        s.discardCompletedCheckpoint(pointer);
        assertFalse(Files.exists(Path.of(pointer)));
        assertTrue(Files.isDirectory(tmp.resolve("ckpts/job-42/shared")), "shared/ stays");
    }

    @Test
    void shouldWriteSharedAndTaskOwnedFilesIntoTheirDirectories() throws IOException {
        FileSystemCheckpointStorage s = storage(true);
        s.initializeLocationForCheckpoint(1);
        FileStateHandle shared = (FileStateHandle) write(s.sharedStateStreamFactory().createCheckpointStateOutputStream(), 10);
        FileStateHandle owned = (FileStateHandle) write(s.taskOwnedStateStreamFactory().createCheckpointStateOutputStream(), 10);
        assertEquals(s.sharedStateDirectory(), shared.getFilePath().getParent());
        assertEquals(s.taskOwnedStateDirectory(), owned.getFilePath().getParent());
    }

    @Test
    void shouldChooseStorageFromConfiguration() {
        Configuration c = new Configuration();
        assertInstanceOf(JobManagerCheckpointStorage.class, CheckpointStorages.fromConfiguration(c, "j"));
        c.setString("execution.checkpointing.dir", "file://" + tmp.toAbsolutePath());
        FileSystemCheckpointStorage fs = assertInstanceOf(FileSystemCheckpointStorage.class, CheckpointStorages.fromConfiguration(c, "j"));
        assertEquals(tmp.toAbsolutePath().resolve("j"), fs.checkpointsDirectory());

        Configuration noDir = new Configuration().setString("execution.checkpointing.storage", "filesystem");
        String msg = assertThrows(IllegalArgumentException.class, () -> CheckpointStorages.fromConfiguration(noDir, "j")).getMessage();
        assertTrue(msg.contains("execution.checkpointing.dir"), msg);

        Configuration bad = new Configuration().setString("execution.checkpointing.storage", "rocksdb");
        msg = assertThrows(IllegalArgumentException.class, () -> CheckpointStorages.fromConfiguration(bad, "j")).getMessage();
        assertTrue(msg.contains("execution.checkpointing.storage") && msg.contains("jobmanager"), msg);

        Configuration s3 = new Configuration().setString("execution.checkpointing.dir", "s3://bucket/x");
        msg = assertThrows(IllegalArgumentException.class, () -> CheckpointStorages.fromConfiguration(s3, "j")).getMessage();
        assertTrue(msg.contains("not supported yet") && msg.contains("execution.checkpointing.dir"), msg);
    }

    @Test
    void shouldTakeInlineThresholdAndCreateSubdirFromConfiguration() throws IOException {
        Configuration c = new Configuration().setString("execution.checkpointing.dir", tmp.toString())
            .setString("execution.checkpointing.data-inline-threshold", "100 b")
            .setString("execution.checkpointing.create-subdir", "false");
        CheckpointStorageLocation loc = CheckpointStorages.fromConfiguration(c, "j").initializeLocationForCheckpoint(1);
        assertInstanceOf(ByteStreamStateHandle.class, write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 100));
        FileStateHandle file = assertInstanceOf(FileStateHandle.class,
            write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 101));
        assertEquals(tmp.resolve("chk-1").toAbsolutePath(), file.getFilePath().getParent().toAbsolutePath());
    }

    @Test
    void shouldKeepJobManagerCheckpointsInMemoryOnly() throws IOException {
        JobManagerCheckpointStorage s = new JobManagerCheckpointStorage("j", 100);
        CheckpointStorageLocation loc = s.initializeLocationForCheckpoint(1);
        StreamStateHandle h = write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 50);
        String pointer = loc.finalizeCheckpoint(metadata(1, h));
        assertEquals("jobmanager://j/chk-1", pointer);
        assertEquals(50, s.resolveCheckpoint(pointer).stateSize());
        assertThrows(IOException.class, () -> write(loc.exclusiveStateStreamFactory().createCheckpointStateOutputStream(), 200));
        s.discardCompletedCheckpoint(pointer);
        assertThrows(FileNotFoundException.class, () -> s.resolveCheckpoint(pointer));
    }
}
