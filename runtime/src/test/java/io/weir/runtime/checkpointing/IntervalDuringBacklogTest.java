package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.coordinator.CheckpointStatsRecord;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.testutils.NumberSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.checkpointing.interval-during-backlog}: while a source reports backlog, periodic
 * checkpoints follow the backlog interval (0: none); afterwards the normal interval again.
 */
class IntervalDuringBacklogTest {
    private static final long ROWS = 12_000;
    private static final long BACKLOG_ROWS = 8_000;
    /** How long the coordinator may take to notice that backlog started (it looks every 20 ms). */
    private static final long DETECTION_MILLIS = 60;

    @TempDir
    Path dir;

    private Configuration conf(String backlogInterval) {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "40 ms");
        if (backlogInterval != null) {
            c.setString("execution.checkpointing.interval-during-backlog", backlogInterval);
        }
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        return c;
    }

    @Test
    void whenTheBacklogIntervalIsZero_thenNoCheckpointIsTriggeredDuringBacklog_andCheckpointsResumeAfter() throws Exception {
        Run run = run(conf("0 ms"));
        assertEquals(List.of(), run.triggeredDuringBacklog(), "checkpoints triggered during backlog " + run);
        assertTrue(run.triggeredAfterBacklog() >= 1, "checkpoints after the backlog: " + run);
    }

    @Test
    void whenNoBacklogIntervalIsSet_thenTheNormalIntervalAppliesDuringBacklog() throws Exception {
        Run run = run(conf(null));
        assertTrue(run.triggeredDuringBacklog().size() >= 2, "checkpoints during backlog: " + run);
    }

    private record Run(long backlogStart, long backlogEnd, List<CheckpointStatsRecord> checkpoints) {
        List<Long> triggeredDuringBacklog() {
            return checkpoints.stream().filter(r -> r.triggerTimestamp() >= backlogStart + DETECTION_MILLIS
                && r.triggerTimestamp() < backlogEnd).map(CheckpointStatsRecord::checkpointId).toList();
        }

        long triggeredAfterBacklog() {
            return checkpoints.stream().filter(r -> r.triggerTimestamp() >= backlogEnd).count();
        }

        @Override
        public String toString() {
            return "backlog " + backlogStart + ".." + backlogEnd + ", triggered at "
                + checkpoints.stream().map(r -> r.checkpointId() + "@" + r.triggerTimestamp()).toList();
        }
    }

    private Run run(Configuration c) throws Exception {
        NumberSource numbers = new NumberSource(2, ROWS, true).withBacklog(BACKLOG_ROWS);
        TestJob.Store store = new TestJob.Store();
        List<CheckpointStatsRecord> checkpoints;
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = CheckpointedJobs.submit(cluster,
                TestJob.graph("backlog", c, numbers, 20, TestJob.Failures.none(), store, 2), "backlog");
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
            checkpoints = CheckpointedJobs.checkpointStats(job).orElseThrow().history();
        }
        assertEquals(2 * ROWS, store.committed().size());
        assertTrue(numbers.backlogStartedAtMillis() > 0 && numbers.backlogEndedAtMillis() > numbers.backlogStartedAtMillis());
        return new Run(numbers.backlogStartedAtMillis(), numbers.backlogEndedAtMillis(), checkpoints);
    }
}
