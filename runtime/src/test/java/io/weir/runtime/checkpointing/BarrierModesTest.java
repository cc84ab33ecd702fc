package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.CheckpointStatus;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobFailure;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.SourceOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Barrier handling in running jobs: at-least-once never blocks a channel; unaligned checkpoints
 * persist in-flight data that a restore replays; the aligned-checkpoint timeout switches to
 * unaligned; pointwise edges stay aligned unless unaligned checkpoints are forced.
 */
class BarrierModesTest {
    @TempDir
    Path dir;

    private Configuration conf(String interval) {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", interval);
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        c.setString("restart-strategy.type", "none");
        return c;
    }

    // ---------------------------------------------------------------- at-least-once: no blocking

    /** Per job: source subtask 0's position at each of its snapshots, and what the consumer saw. */
    private static final Map<String, Map<Long, Long>> POSITIONS = new ConcurrentHashMap<>();
    private static final Map<String, List<long[]>> SEEN_BEFORE_SNAPSHOT = new ConcurrentHashMap<>();

    /**
     * Emits {@code (subtask, seq)} for seq in [0, count), about one row per 0.2 ms. With
     * {@code slowSnapshots}, subtask 1's first two snapshots take 150 ms, so those barriers arrive
     * downstream long after subtask 0's.
     */
    static final class PacedSource implements SourceOperator {
        private final String job;
        private final long count;
        private final boolean slowSnapshots;
        private OperatorContext ctx;
        private long next;

        PacedSource(String job, long count, boolean slowSnapshots) {
            this.job = job;
            this.count = count;
            this.slowSnapshots = slowSnapshots;
        }

        @Override
        public void open(OperatorContext context) {
            ctx = context;
        }

        @Override
        public Status emitNext() throws Exception {
            ctx.output().collect(Row.of((long) ctx.subtaskIndex(), next++));
            if (next % 5 == 0) {
                Thread.sleep(1);
            }
            return next < count ? Status.MORE_AVAILABLE : Status.END_OF_INPUT;
        }

        @Override
        public void snapshotState(long checkpointId) throws Exception {
            if (ctx.subtaskIndex() == 0) {
                POSITIONS.computeIfAbsent(job, k -> new ConcurrentHashMap<>()).put(checkpointId, next);
            } else if (slowSnapshots && checkpointId <= 2) {
                Thread.sleep(150);
            }
        }
    }

    /** Counts, at each of its snapshots, the rows of source subtask 0 it has processed that came after that source's barrier. */
    static final class AfterBarrierCounter implements OneInputStreamOperator {
        private final String job;
        private final List<Long> fromSubtask0 = new java.util.ArrayList<>();

        AfterBarrierCounter(String job) {
            this.job = job;
        }

        @Override
        public void open(OperatorContext context) {
        }

        @Override
        public void processElement(Row row) {
            if ((Long) row.getField(0) == 0L) {
                fromSubtask0.add((Long) row.getField(1));
            }
        }

        @Override
        public void snapshotState(long checkpointId) {
            Long position = POSITIONS.getOrDefault(job, Map.of()).get(checkpointId);
            if (position != null) {
                long after = fromSubtask0.stream().filter(seq -> seq >= position).count();
                SEEN_BEFORE_SNAPSHOT.computeIfAbsent(job, k -> new CopyOnWriteArrayList<>()).add(new long[] {checkpointId, after});
            }
        }
    }

    private long maxRowsProcessedAfterBarrier(String job, String mode) throws Exception {
        Configuration c = conf("100 ms");
        c.setString("execution.checkpointing.mode", mode);
        c.setString("execution.buffer-timeout", "0 ms");
        JobGraph.Builder b = JobGraph.builder(job).configuration(c);
        int src = b.addVertex(OperatorFactory.of("paced", "paced", () -> new PacedSource(job, 2_500, true)), 2, 128);
        int cnt = b.addVertex(OperatorFactory.of("counter", "counter", () -> new AfterBarrierCounter(job)), 1, 128);
        b.connect(src, cnt, Partitioner.REBALANCE);
        try (LocalCluster cluster = new LocalCluster()) {
            assertEquals(JobStatus.FINISHED, CheckpointedJobs.submit(cluster, b.build(), job).await(Duration.ofSeconds(30)));
        }
        List<long[]> seen = SEEN_BEFORE_SNAPSHOT.getOrDefault(job, List.of());
        assertTrue(!seen.isEmpty(), "the consumer took snapshots");
        return seen.stream().mapToLong(s -> s[1]).max().orElseThrow();
    }

    @Test
    void whenAtLeastOnce_thenRowsAfterABarrierAreProcessedBeforeTheOtherChannelsBarrierArrives() throws Exception {
        assertTrue(maxRowsProcessedAfterBarrier("alo-unblocked", "AT_LEAST_ONCE") > 0,
            "at-least-once: the channel that delivered barrier n kept delivering rows before the other channel's barrier n");
    }

    @Test
    void whenExactlyOnceAligned_thenNoRowAfterABarrierIsProcessedBeforeTheSnapshot() throws Exception {
        assertEquals(0, maxRowsProcessedAfterBarrier("aligned-blocked", "EXACTLY_ONCE"));
    }

    // ---------------------------------------------------------------- unaligned: channel state persisted and replayed

    private Configuration unalignedConf() {
        Configuration c = conf("30 ms");
        c.setString("execution.checkpointing.unaligned.enabled", "true");
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        c.setString("execution.batch-size", "8");
        c.setString("execution.buffer-timeout", "1 ms");
        c.setString("execution.channel-capacity", "4");
        return c;
    }

    private Path latestCheckpoint(String job) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve(job))) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4)))).orElseThrow();
        }
    }

    @Test
    void whenUnalignedUnderBackpressure_thenInFlightDataIsPersistedAndARestoreReplaysIt() throws Exception {
        long rows = 3_000;
        int keys = 10;
        TestJob.Store store = new TestJob.Store();
        TestJob.Failures slowThenFail = TestJob.Failures.atRow(3_500);
        slowThenFail.sleepEveryRows.set(4); // the consumer is slow: the source's output queues up
        CheckpointStatsSnapshot first;
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, TestJob.graph("ua-first", unalignedConf(), rows, keys, slowThenFail, store),
                "ua-first");
            org.junit.jupiter.api.Assertions.assertThrows(JobFailure.class, () -> job.await(Duration.ofSeconds(30)));
            first = CheckpointedJobs.checkpointStats(job).orElseThrow();
        }
        CheckpointStatsRecord latest = first.latestCompleted().orElseThrow(() -> new AssertionError("no checkpoint completed"));
        assertTrue(latest.unaligned(), "taken unaligned: " + latest);
        assertTrue(latest.bytesPersistedDuringAlignment() > 0, "in-flight data persisted: " + latest);
        Path chk = latestCheckpoint("ua-first");
        assertEquals("chk-" + latest.checkpointId(), chk.getFileName().toString());

        Configuration c = unalignedConf();
        c.setString("execution.state-recovery.path", chk.toString());
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph("ua-second", c, rows, keys, TestJob.Failures.none(), store), "ua-second");
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
        }
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(TestJob.expected(rows, keys), store.perKey());
    }

    // ---------------------------------------------------------------- aligned timeout

    private List<CheckpointStatsRecord> completedUnderBackpressure(String job, Configuration c) throws Exception {
        TestJob.Failures slow = TestJob.Failures.none();
        slow.sleepEveryRows.set(3);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient j = CheckpointedJobs.submit(cluster, TestJob.graph(job, c, 1_500, 10, slow, new TestJob.Store()), job);
            assertEquals(JobStatus.FINISHED, j.await(Duration.ofSeconds(30)));
            return CheckpointedJobs.checkpointStats(j).orElseThrow().history().stream()
                .filter(r -> r.status() == CheckpointStatus.COMPLETED).toList();
        }
    }

    @Test
    void whenAlignmentExceedsTheAlignedCheckpointTimeout_thenTheCheckpointSwitchesToUnaligned() throws Exception {
        Configuration quick = unalignedConf();
        quick.setString("execution.checkpointing.aligned-checkpoint-timeout", "1 ms");
        List<CheckpointStatsRecord> switched = completedUnderBackpressure("timeout-1ms", quick);
        assertTrue(switched.stream().anyMatch(CheckpointStatsRecord::unaligned), "some checkpoint switched: " + switched);

        Configuration patient = unalignedConf();
        patient.setString("execution.checkpointing.aligned-checkpoint-timeout", "1 h");
        List<CheckpointStatsRecord> aligned = completedUnderBackpressure("timeout-1h", patient);
        assertTrue(!aligned.isEmpty() && aligned.stream().noneMatch(CheckpointStatsRecord::unaligned), "all aligned: " + aligned);
        assertTrue(aligned.stream().anyMatch(r -> r.bytesProcessedDuringAlignment() > 0 && r.alignmentDurationMillis() > 0),
            "alignment statistics filled in: " + aligned);
        assertTrue(aligned.stream().allMatch(r -> r.bytesPersistedDuringAlignment() == 0), "nothing persisted when aligned");
    }

    // ---------------------------------------------------------------- savepoints are aligned

    /** Acknowledgements of one job: per checkpoint id, whether each task took it unaligned. */
    private static final class Acks implements io.weir.runtime.tasks.TaskEnvironment.CheckpointResponder {
        final Map<Long, List<Boolean>> unaligned = new ConcurrentHashMap<>();
        final Map<String, Boolean> byTask = new java.util.concurrent.ConcurrentSkipListMap<>();

        @Override
        public void acknowledge(String vertexUid, int subtask, long id, List<io.weir.runtime.tasks.OperatorSnapshot> snapshots) {
            throw new AssertionError("tasks acknowledge with their alignment metrics");
        }

        @Override
        public void acknowledge(String vertexUid, int subtask, long id, List<io.weir.runtime.tasks.OperatorSnapshot> snapshots,
                                io.weir.checkpoint.barrier.AlignmentMetrics alignment) {
            unaligned.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(alignment.unaligned());
            byTask.put(id + " " + vertexUid + "#" + subtask, alignment.unaligned());
        }

        List<Boolean> await(long id, int tasks) throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (unaligned.getOrDefault(id, List.of()).size() < tasks && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return unaligned.getOrDefault(id, List.of());
        }
    }

    @Test
    void whenASavepointIsTakenInAnUnalignedJob_thenItsBarriersAreAligned() throws Exception {
        Configuration c = unalignedConf();
        c.remove("execution.checkpointing.interval");
        TestJob.Failures slow = TestJob.Failures.none();
        slow.sleepEveryRows.set(2);
        Acks acks = new Acks();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = cluster.submit(TestJob.graph("sp", c, 1_000_000, false, 10, slow, new TestJob.Store()), "sp",
                io.weir.runtime.cluster.RestoreProvider.NONE, new io.weir.runtime.cluster.CheckpointSetup(
                    new io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory(), acks, false));
            var control = cluster.checkpointControl(job);
            Thread.sleep(300); // the slow consumer backs the channels up
            control.triggerCheckpoint(1, System.currentTimeMillis(), false);
            List<Boolean> checkpoint = acks.await(1, 5);
            control.triggerCheckpoint(2, System.currentTimeMillis(), true);
            List<Boolean> savepoint = acks.await(2, 5);
            job.cancel();
            job.terminationFuture().handle((s, e) -> null).get();
            assertEquals(5, checkpoint.size(), "every task acknowledged the checkpoint");
            assertTrue(checkpoint.contains(true), "the checkpoint was unaligned: " + checkpoint);
            assertEquals(List.of(false, false, false, false, false), savepoint, "the savepoint was aligned");
        }
    }

    @Test
    void whenAnInBandBarrierOutlivesTheAlignedTimeoutInAQueue_thenItIsPromotedAndTheCheckpointIsUnalignedEverywhere()
        throws Exception {
        Configuration c = unalignedConf();
        c.remove("execution.checkpointing.interval");
        c.setString("execution.checkpointing.aligned-checkpoint-timeout", "5 ms");
        TestJob.Failures slow = TestJob.Failures.none();
        slow.sleepEveryRows.set(2);
        Acks acks = new Acks();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = cluster.submit(TestJob.graph("promote", c, 1_000_000, false, 10, slow, new TestJob.Store()), "promote",
                io.weir.runtime.cluster.RestoreProvider.NONE, new io.weir.runtime.cluster.CheckpointSetup(
                    new io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory(), acks, false));
            // the sources send their barriers in band; only promotion makes their part unaligned. Until the
            // slow consumer has backed the channels up (the job is starting), a barrier may be consumed in time.
            boolean promotedEverywhere = false;
            for (long id = 1; id <= 10 && !promotedEverywhere; id++) {
                Thread.sleep(300);
                cluster.checkpointControl(job).triggerCheckpoint(id, System.currentTimeMillis(), false);
                List<Boolean> checkpoint = acks.await(id, 5);
                assertEquals(5, checkpoint.size(), "every task acknowledged checkpoint " + id);
                promotedEverywhere = !checkpoint.contains(false);
            }
            job.cancel();
            job.terminationFuture().handle((s, e) -> null).get();
            assertTrue(promotedEverywhere, acks.byTask::toString);
        }
    }

    // ---------------------------------------------------------------- unaligned.forced

    private boolean anyUnaligned(String job, boolean forced) throws Exception {
        Configuration c = unalignedConf();
        c.setString("execution.checkpointing.unaligned.forced", String.valueOf(forced));
        JobGraph.Builder b = JobGraph.builder(job).configuration(c);
        int src = b.addVertex(OperatorFactory.of("paced", "paced", () -> new PacedSource(job, 1_500, false)), 2, 128);
        int snk = b.addVertex(OperatorFactory.of("counter", "counter", () -> new AfterBarrierCounter(job)), 2, 128);
        b.connect(src, snk, Partitioner.FORWARD);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient j = CheckpointedJobs.submit(cluster, b.build(), job);
            assertEquals(JobStatus.FINISHED, j.await(Duration.ofSeconds(30)));
            List<CheckpointStatsRecord> done = CheckpointedJobs.checkpointStats(j).orElseThrow().history().stream()
                .filter(r -> r.status() == CheckpointStatus.COMPLETED).toList();
            assertTrue(!done.isEmpty(), "checkpoints completed");
            return done.stream().anyMatch(CheckpointStatsRecord::unaligned);
        }
    }

    @Test
    void whenAnEdgeIsPointwise_thenCheckpointsStayAlignedUnlessUnalignedIsForced() throws Exception {
        assertTrue(!anyUnaligned("forward-not-forced", false), "a forward edge keeps checkpoints aligned");
        assertTrue(anyUnaligned("forward-forced", true), "unaligned.forced takes them unaligned");
    }
}
