package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobFailure;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per checkpointing option wired into running jobs, showing its effect. */
class CheckpointOptionsTest {
    @TempDir
    Path dir;

    private Configuration conf(String interval) {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", interval);
        c.setString("execution.checkpointing.dir", dir.toString());
        c.setString("restart-strategy.type", "none");
        return c;
    }

    private static JobClient unbounded(LocalCluster cluster, String jobId, Configuration c, TestJob.Failures failures) {
        return CheckpointedJobs.submit(cluster, TestJob.graph(jobId, c, 100_000, false, 10, failures, new TestJob.Store()), jobId);
    }

    private static CheckpointStatsSnapshot stats(JobClient job) {
        return CheckpointedJobs.checkpointStats(job).orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private List<String> checkpointDirs(String jobId) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(jobId))) {
            // completed checkpoints only (an aborted one may leave a directory until it is cleaned),
            // in numeric order (chk-9 before chk-10)
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                .map(p -> p.getFileName().toString())
                .sorted(java.util.Comparator.comparingLong(n -> Long.parseLong(n.substring(4))))
                .toList();
        }
    }

    @Test
    void whenCheckpointsComplete_thenTheyLandInDirJobIdChkNMetadataWithSharedAndTaskOwnedDirs() throws Exception {
        Configuration c = conf("30 ms");
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "layout", c, TestJob.Failures.none());
            waitUntil(() -> stats(job).completed() >= 2, "two checkpoints");
            job.cancel();
            assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(10)));
            long latest = stats(job).latestCompleted().orElseThrow().checkpointId();
            assertTrue(Files.isRegularFile(dir.resolve("layout").resolve("chk-" + latest).resolve("_metadata")));
            assertTrue(Files.isDirectory(dir.resolve("layout").resolve("shared")));
            assertTrue(Files.isDirectory(dir.resolve("layout").resolve("taskowned")));
        }
    }

    @Test
    void whenNumRetainedIsTwo_thenOnlyTheTwoLatestCheckpointsAreKept() throws Exception {
        Configuration c = conf("20 ms");
        c.setString("execution.checkpointing.num-retained", "2");
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "retained", c, TestJob.Failures.none());
            waitUntil(() -> stats(job).completed() >= 5, "five checkpoints");
            job.cancel();
            job.await(Duration.ofSeconds(10));
            Thread.sleep(200); // deletions run on the I/O pool
            long latest = stats(job).latestCompleted().orElseThrow().checkpointId();
            assertEquals(List.of("chk-" + (latest - 1), "chk-" + latest), checkpointDirs("retained"));
        }
    }

    @Test
    void whenRetentionIsDeleteOnCancellation_thenCancellingRemovesTheCheckpoints() throws Exception {
        Configuration c = conf("20 ms");
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "DELETE_ON_CANCELLATION");
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "deleted", c, TestJob.Failures.none());
            waitUntil(() -> stats(job).completed() >= 2, "two checkpoints");
            job.cancel();
            job.await(Duration.ofSeconds(10));
            waitUntil(() -> {
                try {
                    return checkpointDirs("deleted").isEmpty();
                } catch (IOException e) {
                    return false;
                }
            }, "checkpoints deleted");
        }
    }

    @Test
    void whenTheIntervalIsAnHour_thenNoCheckpointIsTakenMeanwhile_andAShortIntervalTakesMany() throws Exception {
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient slow = unbounded(cluster, "hourly", conf("1 h"), TestJob.Failures.none());
            JobClient fast = unbounded(cluster, "often", conf("20 ms"), TestJob.Failures.none());
            waitUntil(() -> stats(fast).completed() >= 5, "five checkpoints of the fast job");
            assertEquals(0, stats(slow).triggered());
            slow.cancel();
            fast.cancel();
        }
    }

    @Test
    void whenMinPauseIsLong_thenCheckpointsAreSpacedByIt() throws Exception {
        Configuration c = conf("10 ms");
        c.setString("execution.checkpointing.min-pause", "300 ms");
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "paused", c, TestJob.Failures.none());
            Thread.sleep(1000);
            long triggered = stats(job).triggered();
            assertTrue(triggered >= 1 && triggered <= 4, "triggered " + triggered + " in 1 s with a 300 ms pause");
            job.cancel();
        }
    }

    @Test
    void whenSnapshotsTakeLongerThanTheTimeout_thenCheckpointsExpire_andBeyondTheToleranceTheJobFails() throws Exception {
        Configuration c = conf("20 ms");
        c.setString("execution.checkpointing.timeout", "50 ms");
        TestJob.Failures slowSnapshots = TestJob.Failures.none();
        slowSnapshots.snapshotDelayMillis.set(150);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "expiring", c, slowSnapshots);
            JobFailure failure = assertThrows(JobFailure.class, () -> job.await(Duration.ofSeconds(15)));
            assertTrue(failure.getMessage().contains("tolerable-failed-checkpoints"), failure.getMessage());
            assertTrue(stats(job).history().stream().anyMatch(r -> String.valueOf(r.failureMessage()).contains("expired")),
                stats(job).history().toString());
        }
    }

    @Test
    void whenFailedCheckpointsAreTolerated_thenTheJobKeepsRunning() throws Exception {
        Configuration c = conf("20 ms");
        c.setString("execution.checkpointing.timeout", "50 ms");
        c.setString("execution.checkpointing.tolerable-failed-checkpoints", "1000");
        TestJob.Failures slowSnapshots = TestJob.Failures.none();
        slowSnapshots.snapshotDelayMillis.set(150);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "tolerant", c, slowSnapshots);
            waitUntil(() -> stats(job).failed() >= 3, "three failed checkpoints");
            assertFalse(job.status().isTerminal(), "still running: " + job.status());
            job.cancel();
            assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(10)));
        }
    }

    @Test
    void whenNoRestartStrategy_thenATaskFailureFailsTheJobWithTheRootCause() throws Exception {
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "no-restart", conf("20 ms"), new TestJob.Failures(1, 0, 500, 1));
            JobFailure failure = assertThrows(JobFailure.class, () -> job.await(Duration.ofSeconds(15)));
            assertEquals("injected failure at a row", failure.rootCause().getMessage());
            assertEquals(0, CheckpointedJobs.restartCount(job));
        }
    }

    @Test
    void whenTheFixedDelayAttemptsAreExhausted_thenTheJobFails() throws Exception {
        Configuration c = conf("20 ms");
        c.setString("restart-strategy.type", "fixed-delay");
        c.setString("restart-strategy.fixed-delay.attempts", "2");
        c.setString("restart-strategy.fixed-delay.delay", "1 ms");
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = unbounded(cluster, "exhausted", c, new TestJob.Failures(10, 0, 300, 3));
            JobFailure failure = assertThrows(JobFailure.class, () -> job.await(Duration.ofSeconds(15)));
            assertEquals(2, CheckpointedJobs.restartCount(job));
            assertTrue(failure.getSuppressed()[0].getMessage().contains("'restart-strategy.fixed-delay.attempts'"),
                failure.getSuppressed()[0].getMessage());
        }
    }
}
