package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.storage.FileMergingManager;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.checkpointing.file-merging.*}: the state files of checkpoints become segments of
 * fewer physical files; jobs restore from them exactly; physical files go once no segment is used.
 */
class FileMergingTest {
    private static final long ROWS = 6_000;
    private static final int KEYS = 20;

    @TempDir
    Path dir;

    private Configuration conf(String backend, boolean incremental) {
        Configuration c = new Configuration();
        c.setString("state.backend.type", backend);
        c.setString("execution.checkpointing.incremental", Boolean.toString(incremental));
        c.setString("execution.checkpointing.interval", "30 ms");
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        c.setString("execution.checkpointing.data-inline-threshold", "0 b"); // every state stream is a file
        c.setString("execution.checkpointing.file-merging.enabled", "true");
        c.setString("restart-strategy.type", "fixed-delay");
        c.setString("restart-strategy.fixed-delay.attempts", "20");
        c.setString("restart-strategy.fixed-delay.delay", "10 ms");
        return c;
    }

    @Test
    void whenMergingWithinCheckpoints_thenFewerFiles_andFailoverIsExact() throws Exception {
        Configuration c = conf("hashmap", false);
        c.setString("execution.checkpointing.file-merging.pool-blocking", "true");
        FileMergingManager m = runUntilRestored(c, "within");
        assertTrue(m.physicalFilesCreated() * 2 <= m.segmentsWritten(),
            m.physicalFilesCreated() + " physical files for " + m.segmentsWritten() + " segments");
    }

    @Test
    void whenMergingAcrossCheckpoints_thenFilesAreReusedUpToTheMaxSize_andDeletedWhenUnreferenced() throws Exception {
        Configuration c = conf("rocksdb", true);
        c.setString("execution.checkpointing.file-merging.across-checkpoint-boundary", "true");
        c.setString("execution.checkpointing.file-merging.max-file-size", "256 kb");
        FileMergingManager m = run(c, "across", new TestJob.Failures(4, 2, 2_000, 1));
        assertTrue(m.physicalFilesCreated() * 2 <= m.segmentsWritten(),
            m.physicalFilesCreated() + " physical files for " + m.segmentsWritten() + " segments");
        // the job ended and its checkpoints were discarded: no segment is referenced any more
        for (String sub : List.of("shared", "taskowned")) {
            Path d = dir.resolve("across").resolve(sub);
            List<Path> left = List.of();
            for (int i = 0; i < 100; i++) {
                try (Stream<Path> files = Files.exists(d) ? Files.list(d) : Stream.empty()) {
                    left = files.toList();
                }
                if (left.isEmpty()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals(List.of(), left, sub + "/ after the job ended ");
        }
    }

    /** Runs the failure scenario with new seeds until a run restored a checkpoint; each run must be exact. */
    private FileMergingManager runUntilRestored(Configuration c, String name) throws Exception {
        for (int seed = 1; seed < 6; seed++) {
            FileMergingManager m = run(c, name + seed, new TestJob.Failures(3, 0, 2_500, seed));
            if (lastRestored >= 1) {
                return m;
            }
        }
        throw new AssertionError("no run restored a checkpoint");
    }

    private long lastRestored;

    /** One run of the job with {@code failures}: the committed output must be exact. */
    private FileMergingManager run(Configuration c, String name, TestJob.Failures failures) throws Exception {
        TestJob.Store store = new TestJob.Store();
        FileMergingManager m;
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster, TestJob.graph(name, c, ROWS, KEYS, failures, store), name);
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
            lastRestored = CheckpointedJobs.checkpointStats(job).orElseThrow().restored();
            m = ((RecoverableJob) job).fileMerging();
        }
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(TestJob.expected(ROWS, KEYS), store.perKey());
        return m;
    }
}
