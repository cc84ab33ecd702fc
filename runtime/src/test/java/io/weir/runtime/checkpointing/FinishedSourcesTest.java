package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.metadata.CheckpointMetadata;
import io.weir.checkpoint.storage.MetadataFiles;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source subtask whose input ended before a checkpoint is marked finished in {@code _metadata};
 * after a failure it is restored as finished rather than restarted fresh, so its rows are not
 * read (and committed) twice.
 */
class FinishedSourcesTest {
    /** Source subtask 0 reads 300 rows and ends early; subtask 1 reads 20,000. */
    private static final long[] LENGTHS = {300, 20_000};
    private static final int KEYS = 50;

    @TempDir
    Path dir;

    @Test
    void whenASourceEndedBeforeTheRestoredCheckpoint_thenItIsNotReadAgain() throws Exception {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "30 ms");
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        c.setString("execution.checkpointing.num-retained", "1000");
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        c.setString("restart-strategy.type", "fixed-delay");
        c.setString("restart-strategy.fixed-delay.attempts", "3");
        c.setString("restart-strategy.fixed-delay.delay", "10 ms");
        TestJob.Failures failures = TestJob.Failures.none();
        TestJob.Store store = new TestJob.Store();
        String lastOfSplit0 = TestJob.expected(LENGTHS, KEYS).get(String.valueOf(299 % KEYS)).stream()
            .reduce((a, b) -> b).orElseThrow();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, TestJob.graph("finished", c, LENGTHS, KEYS, failures, store), "finished");
            awaitFinishedSubtaskInACheckpoint(job, store, lastOfSplit0);
            failures.remainingRowFailures.set(1);
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
            assertEquals(1, CheckpointedJobs.restartCount(job));
            var restored = CheckpointedJobs.checkpointStats(job).orElseThrow().latestRestored().orElseThrow();
            CheckpointMetadata m = MetadataFiles.read(Path.of(restored.pointer()).resolve("_metadata"));
            assertEquals(List.of(0), List.copyOf(m.operatorState("numbers").orElseThrow().finishedSubtasks()),
                "the restored checkpoint marks source subtask 0 finished");
        }
        Map<String, List<String>> expected = TestJob.expected(LENGTHS, KEYS);
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(expected, store.perKey());
    }

    /** Waits until split 0 is fully committed and two more checkpoints completed (the source subtask has ended by then). */
    private static void awaitFinishedSubtaskInACheckpoint(JobClient job, TestJob.Store store, String lastOfSplit0)
        throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!store.committed().contains(lastOfSplit0)) {
            assertTrue(System.nanoTime() < deadline, "split 0 not committed");
            Thread.sleep(5);
        }
        long base = CheckpointedJobs.checkpointStats(job).orElseThrow().completed();
        while (CheckpointedJobs.checkpointStats(job).orElseThrow().completed() < base + 2) {
            assertTrue(System.nanoTime() < deadline, "no checkpoints");
            Thread.sleep(5);
        }
    }
}
