package io.weir.checkpoint.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.storage.JobManagerCheckpointStorage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletedCheckpointStoreTest {
    @TempDir
    Path tmp;

    private final List<Throwable> failures = new ArrayList<>();
    private JobManagerCheckpointStorage storage = new JobManagerCheckpointStorage("j", 1 << 20);

    /** Runs tasks at once and counts them. */
    private static final class CountingExecutor implements Executor {
        int tasks;

        @Override
        public void execute(Runnable command) {
            tasks++;
            command.run();
        }
    }

    private CompletedCheckpoint checkpoint(long id, int operators) throws IOException {
        List<OperatorState> ops = new ArrayList<>();
        for (int i = 0; i < operators; i++) {
            Path file = Files.write(tmp.resolve("state-" + id + "-" + i), new byte[10]);
            OperatorState op = new OperatorState("op" + i, 1, 128);
            op.putState(0, OperatorSubtaskState.keyed(new KeyGroupsStateHandle(
                new KeyGroupRangeOffsets(KeyGroupRange.of(0, 0), new long[] {0}), new FileStateHandle(file, 10))));
            ops.add(op);
        }
        CheckpointMetadata m = new CheckpointMetadata("j", id, CheckpointKind.CHECKPOINT, id, id, ops);
        String pointer = storage.initializeLocationForCheckpoint(id).finalizeCheckpoint(m);
        return new CompletedCheckpoint(m, pointer, storage);
    }

    private int discardTasks(boolean parallel) throws IOException {
        storage = new JobManagerCheckpointStorage("j", 1 << 20);
        CountingExecutor io = new CountingExecutor();
        CompletedCheckpointStore store = new CompletedCheckpointStore(1, new SharedStateRegistry(Runnable::run, failures::add),
            io, failures::add, parallel);
        CompletedCheckpoint first = checkpoint(1, 3);
        store.addAndSubsume(first);
        store.addAndSubsume(checkpoint(2, 3));
        assertTrue(Files.notExists(tmp.resolve("state-1-0")) && Files.notExists(tmp.resolve("state-1-2")));
        assertTrue(Files.exists(tmp.resolve("state-2-0")));
        assertThrows(FileNotFoundException.class, () -> storage.resolveCheckpoint(first.pointer()));
        assertTrue(failures.isEmpty(), failures.toString());
        Files.delete(tmp.resolve("state-2-0"));
        Files.delete(tmp.resolve("state-2-1"));
        Files.delete(tmp.resolve("state-2-2"));
        return io.tasks;
    }

    @Test
    void whenCleanerParallelMode_thenEachOperatorIsDiscardedAsItsOwnTask() throws IOException {
        assertEquals(3 + 1, discardTasks(true), "one task per operator, then the checkpoint itself");
        assertEquals(1 + 1, discardTasks(false), "one task for all operators, then the checkpoint itself");
    }

    @Test
    void shouldKeepNewestCheckpointsUpToNumRetained() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(2, new SharedStateRegistry(Runnable::run, failures::add),
            Runnable::run, failures::add, true);
        for (long id = 1; id <= 4; id++) {
            store.addAndSubsume(checkpoint(id, 1));
        }
        assertEquals(List.of(3L, 4L), store.all().stream().map(CompletedCheckpoint::checkpointId).toList());
        assertEquals(4, store.latest().orElseThrow().checkpointId());
    }
}
