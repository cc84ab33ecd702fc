package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobFailure;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.graph.JobGraph;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a job from a retained checkpoint ({@code execution.state-recovery.path}) and the errors when it cannot be used. */
class RestoreFromPathTest {
    private static final long ROWS = 6_000;
    private static final int KEYS = 20;

    @TempDir
    Path dir;

    private Configuration conf() {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "20 ms");
        c.setString("execution.checkpointing.dir", dir.toString());
        c.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        c.setString("restart-strategy.type", "none");
        return c;
    }

    /** Runs the job until its injected failure and returns the latest retained chk-n directory. */
    private Path failedRun(TestJob.Store store) throws Exception {
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph("first", conf(), ROWS, KEYS, TestJob.Failures.atRow(8_000), store), "first");
            assertThrows(JobFailure.class, () -> job.await(Duration.ofSeconds(30)));
            assertTrue(CheckpointedJobs.checkpointStats(job).orElseThrow().completed() >= 1, "a checkpoint completed before the failure");
        }
        try (Stream<Path> s = Files.list(dir.resolve("first"))) {
            // the latest completed checkpoint: a checkpoint that was in progress when the job
            // failed may leave a chk-n directory without _metadata until it is cleaned up
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4)))).orElseThrow();
        }
    }

    @Test
    void whenAFailedJobIsStartedFromItsLatestCheckpoint_thenTheCommittedOutputEqualsAFailureFreeRun() throws Exception {
        TestJob.Store store = new TestJob.Store();
        Path latest = failedRun(store);
        assertTrue(store.committed().size() < 2 * ROWS, "the failed run committed only part of the output");
        Configuration c = conf();
        c.setString("execution.state-recovery.path", latest.toString());
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph("second", c, ROWS, KEYS, TestJob.Failures.none(), store), "second");
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
            assertEquals(1, CheckpointedJobs.checkpointStats(job).orElseThrow().restored());
        }
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(TestJob.expected(ROWS, KEYS), store.perKey());
    }

    @Test
    void whenTheOlderSavepointPathKeyIsUsed_thenTheJobIsRestoredToo() throws Exception {
        TestJob.Store store = new TestJob.Store();
        Path latest = failedRun(store);
        Configuration c = conf();
        c.setString("execution.savepoint.path", latest.resolve("_metadata").toUri().toString());
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph("second", c, ROWS, KEYS, TestJob.Failures.none(), store), "second");
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
        }
        ExactlyOnceUnderFailuresTest.assertSameChangelogs(TestJob.expected(ROWS, KEYS), store.perKey());
    }

    @Test
    void whenTheCheckpointIsMissing_thenTheErrorNamesTheFile() {
        Configuration c = conf();
        Path missing = dir.resolve("nope").resolve("chk-7");
        c.setString("execution.state-recovery.path", missing.toString());
        try (LocalCluster cluster = new LocalCluster()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CheckpointedJobs.submit(cluster,
                TestJob.graph("x", c, ROWS, KEYS, TestJob.Failures.none(), new TestJob.Store()), "x"));
            assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("execution.state-recovery.path"),
                e.getMessage());
        }
    }

    @Test
    void whenTheMetadataIsTruncated_thenTheErrorNamesTheFile() throws Exception {
        Path latest = failedRun(new TestJob.Store());
        Path metadata = latest.resolve("_metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        Files.write(metadata, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Configuration c = conf();
        c.setString("execution.state-recovery.path", latest.toString());
        try (LocalCluster cluster = new LocalCluster()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CheckpointedJobs.submit(cluster,
                TestJob.graph("x", c, ROWS, KEYS, TestJob.Failures.none(), new TestJob.Store()), "x"));
            assertTrue(e.getMessage().contains(metadata.toString()), e.getMessage());
        }
    }

    @Test
    void whenTheJobLacksAnOperatorOfTheCheckpoint_thenItIsRefusedUnlessUnclaimedStateIsIgnored() throws Exception {
        Path latest = failedRun(new TestJob.Store());
        Configuration c = conf();
        c.setString("execution.state-recovery.path", latest.toString());
        JobGraph renamed = renameSum(TestJob.graph("x", c, ROWS, KEYS, TestJob.Failures.none(), new TestJob.Store()));
        try (LocalCluster cluster = new LocalCluster()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckpointedJobs.submit(cluster, renamed, "x"));
            assertTrue(e.getMessage().contains("'sum'") && e.getMessage().contains("ignore-unclaimed-state"), e.getMessage());
        }
        c.setString("execution.state-recovery.ignore-unclaimed-state", "true");
        JobGraph ignoring = renameSum(TestJob.graph("y", c, ROWS, KEYS, TestJob.Failures.none(), new TestJob.Store()));
        try (LocalCluster cluster = new LocalCluster()) {
            assertEquals(JobStatus.FINISHED, CheckpointedJobs.submit(cluster, ignoring, "y").await(Duration.ofSeconds(30)));
        }
    }

    /** The same graph with the keyed operator's uid changed, so the checkpoint's 'sum' state has no owner. */
    private static JobGraph renameSum(JobGraph g) {
        JobGraph.Builder b = JobGraph.builder(g.name()).configuration(g.configuration());
        for (var v : g.vertices()) {
            var chain = v.chain().stream().map(f -> f.uid().equals("sum")
                ? io.weir.runtime.operators.OperatorFactory.keyed("sum", "sum-v2", TestJob.RunningSum::new, TestJob.KEY_TYPE,
                    io.weir.runtime.operators.KeySelector.ofFields(0))
                : f).toList();
            b.addVertex(v.name(), v.uid(), chain, v.parallelism(), v.maxParallelism());
        }
        for (var e : g.edges()) {
            b.connect(e.sourceId(), e.targetId(), e.targetInput(), e.partitioner());
        }
        return b.build();
    }
}
