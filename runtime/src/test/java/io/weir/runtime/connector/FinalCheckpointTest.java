package io.weir.runtime.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.snapshot.MemoryCheckpointStreamFactory;
import io.weir.runtime.cluster.CheckpointControl;
import io.weir.runtime.cluster.CheckpointSetup;
import io.weir.runtime.cluster.JobClient;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.cluster.RestoreProvider;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.testutils.NumberSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** With a final checkpoint, a two-phase-commit sink commits the tail before the job is FINISHED. */
class FinalCheckpointTest {

    @Test
    void whenTheJobWaitsForAFinalCheckpoint_thenTheTailIsCommittedBeforeItFinishes() throws Exception {
        TwoPhaseCommitSinkTest.Store store = new TwoPhaseCommitSinkTest.Store();
        Configuration conf = new Configuration().setString("execution.checkpointing.interval", "1 h");
        JobGraph.Builder b = JobGraph.builder("final-checkpoint").configuration(conf);
        int src = b.addVertex(SourceOperatorFactory.create("numbers", "numbers", new NumberSource(2, 5_000, true), null), 2, 128);
        int snk = b.addVertex(SinkOperatorFactory.create("sink", "sink", new TwoPhaseCommitSinkTest.FakeSink(store)), 1, 128);
        b.connect(src, snk, Partitioner.REBALANCE);

        Map<Long, AtomicInteger> acks = new ConcurrentHashMap<>();
        try (LocalCluster cluster = new LocalCluster()) {
            JobClient job = cluster.submit(b.build(), "final", RestoreProvider.NONE, new CheckpointSetup(
                new MemoryCheckpointStreamFactory(), (vertex, subtask, id, snapshots) -> {
                    try {
                        for (var s : snapshots) {
                            s.complete();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    acks.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                }, true));
            CheckpointControl control = cluster.checkpointControl(job);
            long id = 0;
            long deadline = System.currentTimeMillis() + 20_000;
            while (!job.status().isTerminal() && System.currentTimeMillis() < deadline) {
                long cp = ++id;
                // A task that has ended (after its final checkpoint) no longer acknowledges, as
                // in the coordinator: a checkpoint completes when every task alive at its
                // trigger has acknowledged it.
                long expected = control.taskStates().stream().filter(t -> !t.ended()).count();
                control.triggerCheckpoint(cp, System.currentTimeMillis());
                long ackDeadline = System.currentTimeMillis() + 2000;
                while (acks.getOrDefault(cp, new AtomicInteger()).get() < expected
                    && System.currentTimeMillis() < ackDeadline && !job.status().isTerminal()) {
                    Thread.sleep(2);
                }
                if (expected > 0 && acks.getOrDefault(cp, new AtomicInteger()).get() >= expected) {
                    control.notifyCheckpointComplete(cp);
                }
                Thread.sleep(20);
            }
            assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(5)));
        }
        assertEquals(10_000, store.committed.size());
        assertTrue(store.open.values().stream().allMatch(java.util.List::isEmpty), "only empty transactions stay open");
    }
}
