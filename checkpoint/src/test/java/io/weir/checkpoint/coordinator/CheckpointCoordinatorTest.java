package io.weir.checkpoint.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.checkpoint.metadata.OperatorState;
import io.weir.checkpoint.metadata.OperatorSubtaskState;
import io.weir.checkpoint.state.KeyGroupRange;
import io.weir.checkpoint.state.snapshot.ByteStreamStateHandle;
import io.weir.checkpoint.state.snapshot.FileStateHandle;
import io.weir.checkpoint.state.snapshot.KeyGroupRangeOffsets;
import io.weir.checkpoint.state.snapshot.KeyGroupsStateHandle;
import io.weir.checkpoint.state.snapshot.StreamStateHandle;
import io.weir.checkpoint.storage.CheckpointStorages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per option (and per coordinator duty), driving a fake job with a manual clock. */
class CheckpointCoordinatorTest {
    @TempDir
    Path tmp;

    private final ManualScheduler time = new ManualScheduler(0);
    private final FakeJob job = new FakeJob().withVertex("source", 1, "src").withVertex("agg", 2, "agg", "sink");
    private final List<Throwable> discardFailures = new ArrayList<>();
    private CheckpointCoordinator coordinator;

    private CheckpointCoordinator coordinator(String... kv) {
        Configuration c = new Configuration().setString("execution.checkpointing.dir", tmp.toString());
        for (int i = 0; i < kv.length; i += 2) {
            c.setString("execution.checkpointing." + kv[i], kv[i + 1]);
        }
        coordinator = new CheckpointCoordinator("job", CheckpointConfig.fromConfiguration(c),
            CheckpointStorages.fromConfiguration(c, "job"), job, time, time, Runnable::run, discardFailures::add);
        return coordinator;
    }

    private static OperatorSubtaskState keyedState(StreamStateHandle handle, int subtask) {
        return OperatorSubtaskState.keyed(new KeyGroupsStateHandle(
            new KeyGroupRangeOffsets(KeyGroupRange.of(subtask, subtask), new long[] {0}), handle));
    }

    private CheckpointAck ack(TaskId task, long id, int bytesPerOperator, SubtaskCheckpointMetrics metrics) {
        Map<String, OperatorSubtaskState> states = new HashMap<>();
        for (OperatorInfo op : job.operators) {
            if (op.vertexId().equals(task.vertexId())) {
                states.put(op.uid(), keyedState(new ByteStreamStateHandle(op.uid() + task, new byte[bytesPerOperator]),
                    task.subtaskIndex()));
            }
        }
        return new CheckpointAck(task, id, states, metrics);
    }

    private void ackAll(long id) {
        for (TaskId t : new ArrayList<>(job.running)) {
            coordinator.acknowledge(ack(t, id, 10, SubtaskCheckpointMetrics.NONE));
        }
    }

    private void ackAllOnTrigger() {
        job.onTrigger = this::ackAll;
    }

    @Test
    void whenIntervalSet_thenCheckpointsAreTriggeredPeriodically() {
        coordinator("interval", "1 s");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(3500);
        assertEquals(List.of(1000L, 2000L, 3000L), job.triggerTimes);
        assertEquals(List.of(1L, 2L, 3L), job.completed);
        assertEquals(3, coordinator.stats().completed());
    }

    @Test
    void whenIntervalUnset_thenNoPeriodicCheckpoints() {
        coordinator();
        coordinator.startCheckpointScheduler();
        time.advance(3_600_000);
        assertTrue(job.triggered.isEmpty());
    }

    @Test
    void whenTasksDoNotAcknowledgeWithinTimeout_thenCheckpointExpires() {
        coordinator("interval", "10 s", "timeout", "2 s", "tolerable-failed-checkpoints", "5");
        coordinator.startCheckpointScheduler();
        time.advance(11_999);
        assertTrue(job.aborted.isEmpty());
        time.advance(1);
        assertEquals(List.of(1L), job.aborted);
        CheckpointStatsRecord failed = coordinator.stats().latestFailed().orElseThrow();
        assertTrue(failed.failureMessage().contains("execution.checkpointing.timeout"), failed.failureMessage());
        assertFalse(Files.exists(tmp.resolve("job/chk-1")), "the aborted checkpoint's directory is removed");
    }

    @Test
    void whenMinPauseSet_thenNextCheckpointWaitsAfterPreviousEnded() {
        coordinator("interval", "1 s", "min-pause", "500 ms");
        job.onTrigger = id -> time.schedule(() -> ackAll(id), 800); // each checkpoint takes 800 ms
        coordinator.startCheckpointScheduler();
        time.advance(5000);
        assertEquals(List.of(1000L, 2300L, 3600L, 4900L), job.triggerTimes);
    }

    @Test
    void whenMaxConcurrentReached_thenPeriodicTriggerWaitsForOneToFinish() {
        coordinator("interval", "100 ms", "max-concurrent-checkpoints", "2", "timeout", "1 min");
        coordinator.startCheckpointScheduler();
        time.advance(450);
        assertEquals(List.of(1L, 2L), job.triggered);
        assertEquals(2, coordinator.numberOfPendingCheckpoints());
        ackAll(1);
        time.advance(0);
        assertEquals(List.of(1L, 2L, 3L), job.triggered, "a slot freed up: trigger at once");
        assertEquals(450L, job.triggerTimes.get(2));
    }

    @Test
    void whenNewerCheckpointCompletesFirst_thenOlderIsSubsumedWithoutCountingAsFailure() {
        coordinator("interval", "100 ms", "max-concurrent-checkpoints", "2");
        coordinator.startCheckpointScheduler();
        time.advance(200);
        ackAll(2);
        assertEquals(List.of(2L), job.completed);
        assertEquals(List.of(1L), job.aborted);
        assertTrue(job.jobFailures.isEmpty());
    }

    @Test
    void whenMoreConsecutiveFailuresThanTolerated_thenJobFailsOver() {
        coordinator("interval", "1 s", "tolerable-failed-checkpoints", "1");
        job.onTrigger = id -> coordinator.decline(new TaskId("agg", 0), id, new IOException("disk full"));
        coordinator.startCheckpointScheduler();
        time.advance(1000);
        assertTrue(job.jobFailures.isEmpty(), "one failure is tolerated");
        time.advance(1000);
        assertEquals(1, job.jobFailures.size());
        assertTrue(job.jobFailures.get(0).getMessage().contains("tolerable-failed-checkpoints"));
    }

    @Test
    void whenACheckpointCompletesBetweenFailures_thenCountStartsAgain() {
        coordinator("interval", "1 s", "tolerable-failed-checkpoints", "1");
        job.onTrigger = id -> {
            if (id % 2 == 1) {
                coordinator.decline(new TaskId("agg", 1), id, null);
            } else {
                ackAll(id);
            }
        };
        coordinator.startCheckpointScheduler();
        time.advance(10_000);
        assertEquals(5, coordinator.stats().failed());
        assertTrue(job.jobFailures.isEmpty());
    }

    @Test
    void whenZeroFailuresTolerated_thenFirstFailureFailsTheJob() {
        coordinator("interval", "1 s");
        job.failTrigger = true;
        coordinator.startCheckpointScheduler();
        time.advance(1000);
        assertEquals(1, job.jobFailures.size());
    }

    @Test
    void whenNumRetainedIsTwo_thenOnlyTheLatestTwoCheckpointDirectoriesRemain() {
        coordinator("interval", "1 s", "num-retained", "2");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(4000);
        assertFalse(Files.exists(tmp.resolve("job/chk-1")));
        assertFalse(Files.exists(tmp.resolve("job/chk-2")));
        assertTrue(Files.exists(tmp.resolve("job/chk-3/_metadata")));
        assertTrue(Files.exists(tmp.resolve("job/chk-4/_metadata")));
        assertEquals(List.of(3L, 4L), coordinator.completedCheckpoints().all().stream().map(CompletedCheckpoint::checkpointId).toList());
    }

    @Test
    void shouldWriteMetadataThenNotifyThenPrune() {
        coordinator("interval", "1 s");
        List<String> seenAtNotify = new ArrayList<>();
        job.onComplete = id -> seenAtNotify.add(id + ":" + Files.exists(tmp.resolve("job/chk-" + id + "/_metadata"))
            + ":" + Files.exists(tmp.resolve("job/chk-" + (id - 1))));
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(2000);
        assertEquals(List.of("1:true:false", "2:true:true"), seenAtNotify, "chk-1 is pruned only after 2 was notified");
        assertFalse(Files.exists(tmp.resolve("job/chk-1")));
    }

    @Test
    void whenBacklogReported_thenBacklogIntervalApplies() {
        coordinator("interval", "1 s", "interval-during-backlog", "5 s");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        coordinator.setBacklog(true);
        time.advance(10_000);
        assertEquals(List.of(5000L, 10_000L), job.triggerTimes);
        coordinator.setBacklog(false);
        time.advance(2000);
        assertEquals(List.of(5000L, 10_000L, 11_000L, 12_000L), job.triggerTimes);
    }

    @Test
    void whenBacklogIntervalIsZero_thenNoCheckpointsDuringBacklog() {
        coordinator("interval", "1 s", "interval-during-backlog", "0");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        coordinator.setBacklog(true);
        time.advance(10_000);
        assertTrue(job.triggered.isEmpty());
        coordinator.setBacklog(false);
        time.advance(1000);
        assertEquals(List.of(10_000L, 11_000L), job.triggerTimes, "overdue: one at once when the backlog ends");
    }

    @Test
    void whenTasksFinishedAndCheckpointsAfterFinishOn_thenOnlyRunningTasksAcknowledge() {
        coordinator("interval", "1 s");
        job.finish(new TaskId("source", 0));
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(1000);
        assertEquals(List.of(1L), job.completed);
        OperatorState src = coordinator.completedCheckpoints().latest().orElseThrow().metadata().operatorState("src").orElseThrow();
        assertTrue(src.isFullyFinished(), "restore must not run the finished source again");
        assertTrue(src.subtaskStates().isEmpty());
    }

    @Test
    void whenTasksFinishedAndCheckpointsAfterFinishOff_thenCheckpointsStopWithoutFailingTheJob() {
        coordinator("interval", "1 s", "checkpoints-after-tasks-finish", "false");
        job.finish(new TaskId("source", 0));
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(3000);
        assertTrue(job.triggered.isEmpty());
        assertTrue(job.jobFailures.isEmpty());
        assertTrue(coordinator.stats().latestFailed().orElseThrow().failureMessage().contains("checkpoints-after-tasks-finish"));
    }

    @Test
    void shouldReportSizesAlignmentAndPerOperatorAcknowledgements() {
        coordinator();
        CompletableFuture<CompletedCheckpoint> f = coordinator.triggerCheckpoint();
        time.advance(100);
        coordinator.acknowledge(ack(new TaskId("source", 0), 1, 5, SubtaskCheckpointMetrics.NONE));
        time.advance(200);
        coordinator.acknowledge(ack(new TaskId("agg", 0), 1, 100, new SubtaskCheckpointMetrics(1, 2, 40, 1000, 0, false)));
        CheckpointStatsRecord running = coordinator.stats().checkpoint(1).orElseThrow();
        assertEquals(CheckpointStatus.IN_PROGRESS, running.status());
        assertEquals(2, running.acknowledgedTasks());
        assertEquals(3, running.totalTasks());
        assertEquals(1, coordinator.stats().inProgress());
        time.advance(100);
        coordinator.acknowledge(ack(new TaskId("agg", 1), 1, 100, new SubtaskCheckpointMetrics(1, 5, 70, 500, 300, true)));

        assertTrue(f.isDone());
        CheckpointStatsRecord r = coordinator.stats().latestCompleted().orElseThrow();
        assertEquals(400, r.endToEndDurationMillis());
        assertEquals(5 + 4 * 100, r.stateSize());
        assertEquals(r.stateSize(), r.checkpointedSize());
        assertEquals(1500, r.bytesProcessedDuringAlignment());
        assertEquals(300, r.bytesPersistedDuringAlignment());
        assertEquals(70, r.alignmentDurationMillis());
        assertTrue(r.unaligned());
        OperatorAckStats agg = r.operators().stream().filter(o -> o.uid().equals("agg")).findFirst().orElseThrow();
        assertEquals(2, agg.acknowledgedSubtasks());
        assertEquals(400, agg.latestAckDurationMillis());
        assertEquals(200, agg.stateSize());
        assertEquals(5, agg.asyncDurationMillis(), "the longest asynchronous part of its subtasks");
        OperatorAckStats src = r.operators().stream().filter(o -> o.uid().equals("src")).findFirst().orElseThrow();
        assertEquals(100, src.latestAckDurationMillis());
        assertEquals(r.externalPointer(), tmp.resolve("job/chk-1").toAbsolutePath().toString());
        CheckpointStatsSnapshot s = coordinator.stats();
        assertEquals(1, s.triggered());
        assertEquals(0, s.inProgress());
    }

    @Test
    void whenAcknowledgementArrivesLate_thenItsStateIsDeleted() throws IOException {
        coordinator("timeout", "1 s", "tolerable-failed-checkpoints", "3");
        coordinator.triggerCheckpoint();
        time.advance(1000);
        Path file = Files.write(tmp.resolve("late-state"), new byte[100]);
        Map<String, OperatorSubtaskState> states = Map.of("agg", keyedState(new FileStateHandle(file, 100), 0));
        coordinator.acknowledge(new CheckpointAck(new TaskId("agg", 0), 1, states, SubtaskCheckpointMetrics.NONE));
        assertFalse(Files.exists(file));
    }

    @Test
    void whenMetadataCannotBeWritten_thenCheckpointFailsAndCounts() throws IOException {
        coordinator("tolerable-failed-checkpoints", "0");
        CompletableFuture<CompletedCheckpoint> f = coordinator.triggerCheckpoint();
        Files.delete(tmp.resolve("job/chk-1"));
        Files.writeString(tmp.resolve("job/chk-1"), "a file where the directory should be");
        ackAll(1);
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertEquals(CheckpointFailureReason.FINALIZE_CHECKPOINT_FAILURE, ((CheckpointException) e.getCause()).reason());
        assertEquals(List.of(1L), job.aborted);
        assertEquals(1, job.jobFailures.size());
    }

    @Test
    void shouldTakeSavepointsIntoSavepointDirWithoutRetainingOrCountingThem() throws Exception {
        coordinator("savepoint-dir", tmp.resolve("sp").toString());
        ackAllOnTrigger();
        CompletedCheckpoint sp = coordinator.triggerSavepoint(null).get();
        assertEquals(List.of(CheckpointKind.SAVEPOINT), job.kinds);
        assertTrue(Files.exists(Path.of(sp.pointer(), "_metadata")));
        assertEquals(tmp.resolve("sp").toAbsolutePath(), Path.of(sp.pointer()).getParent());
        assertTrue(coordinator.completedCheckpoints().all().isEmpty());

        job.onTrigger = id -> coordinator.decline(new TaskId("agg", 0), id, null);
        assertThrows(ExecutionException.class, () -> coordinator.triggerSavepoint(null).get());
        assertTrue(job.jobFailures.isEmpty(), "savepoint failures do not count");
    }

    @Test
    void shouldRestoreLatestCheckpointOnFailover() {
        coordinator("interval", "1 s", "num-retained", "3");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(2000);
        coordinator.abortPendingCheckpoints(CheckpointFailureReason.JOB_FAILOVER);
        assertEquals(2, coordinator.restoreLatestCheckpoint().orElseThrow().checkpointId());
        assertEquals(1, coordinator.stats().restored());
        assertEquals(2, coordinator.stats().latestRestored().orElseThrow().checkpointId());
    }

    @Test
    void whenRestoringFromPath_thenIdsContinueAndStateIsCheckedAgainstTheJob() throws Exception {
        coordinator();
        ackAllOnTrigger();
        String pointer = coordinator.triggerCheckpoint().get().pointer();

        FakeJob other = new FakeJob().withVertex("agg", 2, "agg", "sink");
        Configuration c = new Configuration().setString("execution.checkpointing.dir", tmp.resolve("second").toString());
        CheckpointCoordinator restored = new CheckpointCoordinator("job2", CheckpointConfig.fromConfiguration(c),
            CheckpointStorages.fromConfiguration(c, "job2"), other, time, time, Runnable::run, discardFailures::add);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> restored.restoreFromPath(pointer, false));
        assertTrue(e.getMessage().contains("'src'") && e.getMessage().contains("ignore-unclaimed-state"), e.getMessage());

        assertEquals(1, restored.restoreFromPath(pointer + "/_metadata", true).checkpointId());
        other.onTrigger = id -> other.running.forEach(t -> restored.acknowledge(new CheckpointAck(t, id, Map.of(),
            SubtaskCheckpointMetrics.NONE)));
        assertEquals(2, restored.triggerCheckpoint().get().checkpointId(), "ids continue after the restored checkpoint");

        String missing = tmp.resolve("job/chk-99").toString();
        IOException notFound = assertThrows(IOException.class, () -> restored.restoreFromPath(missing, false));
        assertTrue(notFound.getMessage().contains("chk-99"), notFound.getMessage());
    }

    @Test
    void whenMaxParallelismChanged_thenRestoreIsRefused() throws Exception {
        coordinator();
        ackAllOnTrigger();
        String pointer = coordinator.triggerCheckpoint().get().pointer();
        job.operators.replaceAll(op -> new OperatorInfo(op.uid(), op.vertexId(), op.parallelism(), 256));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> coordinator.restoreFromPath(pointer, false));
        assertTrue(e.getMessage().contains("max parallelism 128"), e.getMessage());
    }

    @Test
    void whenJobCancelledWithRetainOnCancellation_thenCheckpointsStay() {
        coordinator("interval", "1 s", "externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(1000);
        coordinator.shutdown(JobTerminalStatus.CANCELED);
        assertTrue(Files.exists(tmp.resolve("job/chk-1/_metadata")));
        time.advance(5000);
        assertEquals(1, job.triggered.size(), "no checkpoints after shutdown");
    }

    @Test
    void whenJobCancelledWithoutExternalizedCheckpoints_thenCheckpointsAreDeleted() {
        coordinator("interval", "1 s");
        ackAllOnTrigger();
        coordinator.startCheckpointScheduler();
        time.advance(1000);
        coordinator.shutdown(JobTerminalStatus.CANCELED);
        assertFalse(Files.exists(tmp.resolve("job/chk-1")));
        assertTrue(discardFailures.isEmpty(), discardFailures.toString());
    }

    @Test
    void whenAckCarriesUnknownOperator_thenCheckpointFailsNamingIt() {
        coordinator();
        CompletableFuture<CompletedCheckpoint> f = coordinator.triggerCheckpoint();
        for (TaskId t : new ArrayList<>(job.running)) {
            coordinator.acknowledge(new CheckpointAck(t, 1, Map.of("ghost", OperatorSubtaskState.empty()), SubtaskCheckpointMetrics.NONE));
        }
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertInstanceOf(CheckpointException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("ghost"), e.getCause().getMessage());
    }
}
