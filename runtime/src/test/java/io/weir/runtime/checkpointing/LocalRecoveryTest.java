package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.checkpointing.local-backup.enabled}: a restarted job reads intact local copies of
 * its state, and falls back to the checkpoint storage for copies that are damaged or missing; the
 * committed output is exact either way.
 */
class LocalRecoveryTest {
    private static final long ROWS = 20_000;
    private static final int KEYS = 500;

    @TempDir
    Path dir;

    private Configuration conf() {
        Configuration c = new Configuration();
        c.setString("state.backend.type", "rocksdb");
        c.setString("execution.checkpointing.incremental", "true");
        c.setString("execution.checkpointing.interval", "50 ms");
        c.setString("execution.checkpointing.dir", dir.resolve("remote").toUri().toString());
        c.setString("execution.checkpointing.local-backup.enabled", "true");
        c.setString("execution.checkpointing.local-backup.dirs", dir.resolve("local").toString());
        c.setString("restart-strategy.type", "fixed-delay");
        c.setString("restart-strategy.fixed-delay.attempts", "3");
        c.setString("restart-strategy.fixed-delay.delay", "1 s");
        return c;
    }

    @Test
    void whenLocalCopiesAreIntact_thenTheRestartReadsThem() throws Exception {
        LocalRecovery recovery = runWithOneFailure("intact", false);
        assertTrue(recovery.localFilesRestored() > 0, "files restored locally: " + recovery.localFilesRestored());
        assertEquals(0, recovery.remoteFallbacks());
    }

    @Test
    void whenLocalCopiesAreDamaged_thenTheRestartFallsBackToTheRemoteFiles() throws Exception {
        LocalRecovery recovery = runWithOneFailure("damaged", true);
        assertEquals(0, recovery.localFilesRestored());
        assertTrue(recovery.remoteFallbacks() > 0, "remote fallbacks: " + recovery.remoteFallbacks());
    }

    /** Fails the job once after a checkpoint completed; while it waits to restart, optionally damages every local copy. */
    private LocalRecovery runWithOneFailure(String name, boolean damage) throws Exception {
        TestJob.Failures failures = TestJob.Failures.none();
        TestJob.Store store = new TestJob.Store();
        LocalRecovery recovery;
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph(name, conf(), ROWS, KEYS, failures, store), name);
            awaitCheckpoint(job);
            failures.remainingRowFailures.set(1);
            while (CheckpointedJobs.restartCount(job) == 0 && !job.status().isTerminal()) {
                Thread.sleep(5);
            }
            if (damage) {
                Thread.sleep(200); // snapshots of the failed attempt still running may copy files meanwhile
                damageAll(dir.resolve("local"));
            }
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
            assertEquals(1, CheckpointedJobs.restartCount(job));
            assertEquals(1, CheckpointedJobs.checkpointStats(job).orElseThrow().restored());
            recovery = ((RecoverableJob) job).localRecovery();
        }
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(TestJob.expected(ROWS, KEYS), store.perKey());
        try (Stream<Path> left = Files.walk(dir.resolve("local"))) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "local copies after the job ended");
        }
        return recovery;
    }

    private static void awaitCheckpoint(JobClient job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (CheckpointedJobs.checkpointStats(job).orElseThrow().completed() < 2) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint completed");
            Thread.sleep(5);
        }
    }

    /** Flips the first byte of every second local file and deletes the others. */
    private static void damageAll(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("files")).toList();
        }
        assertTrue(!files.isEmpty(), "no local copies under " + root);
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (i % 2 == 0) {
                Files.delete(f);
            } else {
                byte[] b = Files.readAllBytes(f);
                b[0] ^= 0x5a;
                Files.write(f, b);
            }
        }
    }
}
