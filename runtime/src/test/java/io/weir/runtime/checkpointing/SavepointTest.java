package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointStatsSnapshot;
import io.weir.checkpoint.coordinator.CheckpointStatus;
import io.weir.checkpoint.metadata.CheckpointKind;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints of running jobs: taken without stopping, and stop-with-savepoint followed by a
 * restore that completes the output exactly; with checkpoints kept in memory (savepoints still
 * go to files) and with only {@code savepoint-dir} set.
 */
class SavepointTest {
    private static final long ROWS = 3_000;
    private static final int KEYS = 10;

    @TempDir
    Path dir;

    private Configuration conf() {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
        return c;
    }

    @Test
    void whenASavepointIsTakenAndTheJobStoppedWithOne_thenBothAreSelfContainedFilesAndTheRestoreIsExact() throws Exception {
        TestJob.Store store = new TestJob.Store();
        String stopped;
        try (LocalCluster cluster = new LocalCluster()) {
            // unbounded: the splits stall after ROWS rows, so the job runs until stopped
            JobClient job = CheckpointedJobs.submit(cluster, TestJob.graph("first", conf(), ROWS, false, KEYS,
                TestJob.Failures.none(), store), "first");
            String taken = CheckpointedJobs.triggerSavepoint(job, null).get(30, TimeUnit.SECONDS);
            assertTrue(Files.exists(Path.of(taken).resolve("_metadata")) && Path.of(taken).startsWith(dir.resolve("savepoints")), taken);
            assertEquals(JobStatus.RUNNING, job.status(), "a savepoint without stop leaves the job running");

            stopped = CheckpointedJobs.stopWithSavepoint(job, null).get(30, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(10)));
            CheckpointStatsSnapshot stats = CheckpointedJobs.checkpointStats(job).orElseThrow();
            assertEquals(2, stats.history().stream().filter(r -> r.kind() == CheckpointKind.SAVEPOINT
                && r.status() == CheckpointStatus.COMPLETED).count(), String.valueOf(stats.history()));
            assertEquals(stopped, stats.latestCompleted().orElseThrow().externalPointer());
            assertTrue(Files.exists(Path.of(taken).resolve("_metadata")), "savepoints outlive their job");
        }
        Configuration restore = conf();
        restore.setString("execution.checkpointing.interval", "20 ms");
        restore.setString("execution.state-recovery.path", stopped);
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, TestJob.graph("second", restore, ROWS, KEYS, TestJob.Failures.none(),
                store), "second");
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
        }
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(TestJob.expected(ROWS, KEYS), store.perKey());
        assertTrue(Files.exists(Path.of(stopped).resolve("_metadata")), "a restored savepoint is never deleted");
    }

    @Test
    void whenNoSavepointDirectoryIsConfigured_thenTheSavepointFailsWithFlinksMessage() throws Exception {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "50 ms");
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, TestJob.graph("x", c, ROWS, false, KEYS, TestJob.Failures.none(),
                new TestJob.Store()), "x");
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> CheckpointedJobs.stopWithSavepoint(job, null).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().startsWith("No savepoint directory configured"), e.getCause().getMessage());
            assertEquals(JobStatus.RUNNING, job.status());
            job.cancel();
        }
    }
}
