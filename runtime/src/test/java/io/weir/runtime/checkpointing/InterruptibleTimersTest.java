package io.weir.runtime.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.VoidNamespace;
import io.weir.checkpoint.state.VoidNamespaceSerializer;
import io.weir.runtime.cluster.JobStatus;
import io.weir.runtime.cluster.LocalCluster;
import io.weir.runtime.data.Row;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.Partitioner;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.checkpointing.unaligned.interruptible-timers.enabled}: 100k event-time timers
 * fire on one watermark; with the option a checkpoint is
 * taken, and completes, between two groups of firings; without it only before or after all of them.
 */
class InterruptibleTimersTest {
    private static final int TIMERS = 100_000;
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});
    /** Per job: (checkpoint id, timers fired when the snapshot was taken). */
    private static final Map<String, List<long[]>> FIRED_AT_SNAPSHOT = new ConcurrentHashMap<>();
    private static final Map<String, Set<Long>> COMPLETED = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /**
     * Emits {@code (i, i)} for i in [0, TIMERS), then the watermark {@code TIMERS} (which fires every
     * timer), then stays alive, emitting nothing, until the timers have fired (at most 20 s), so that
     * its checkpoint barriers reach the firing task (a finished source's barriers would come after
     * its end of data).
     */
    static final class RowsThenWatermark implements io.weir.runtime.operators.SourceOperator {
        private final String job;
        private OperatorContext ctx;
        private long next;
        private long idleSince;

        RowsThenWatermark(String job) {
            this.job = job;
        }

        @Override
        public void open(OperatorContext context) {
            ctx = context;
        }

        @Override
        public Status emitNext() throws Exception {
            if (next < TIMERS) {
                for (int i = 0; i < 256 && next < TIMERS; i++, next++) {
                    ctx.output().collect(Row.of(next, next));
                }
                if (next == TIMERS) {
                    ctx.output().emitWatermark(TIMERS);
                    idleSince = System.nanoTime();
                }
                return Status.MORE_AVAILABLE;
            }
            if (ALL_FIRED.contains(job) || System.nanoTime() - idleSince > 20_000_000_000L) {
                return Status.END_OF_INPUT;
            }
            Thread.sleep(1);
            return Status.MORE_AVAILABLE;
        }
    }

    private static final Set<String> ALL_FIRED = ConcurrentHashMap.newKeySet();

    /** One timer per row at the row's timestamp; sleeps 1 ms every 500 firings, so that firing all takes a while. */
    static final class SlowTimers implements OneInputStreamOperator {
        private final String job;
        private TimerService<VoidNamespace> timers;
        private long fired;

        SlowTimers(String job) {
            this.job = job;
        }

        @Override
        public void open(OperatorContext context) {
            timers = context.timerService(VoidNamespaceSerializer.INSTANCE);
        }

        @Override
        public void processElement(Row row) {
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, (Long) row.getField(1));
        }

        @Override
        public void onTimer(Timer<?> timer) throws Exception {
            if (++fired % 500 == 0) {
                Thread.sleep(1);
            }
            if (fired == TIMERS) {
                ALL_FIRED.add(job);
            }
        }

        @Override
        public void snapshotState(long checkpointId) {
            FIRED_AT_SNAPSHOT.computeIfAbsent(job, k -> new CopyOnWriteArrayList<>()).add(new long[] {checkpointId, fired});
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.computeIfAbsent(job, k -> ConcurrentHashMap.newKeySet()).add(checkpointId);
        }
    }

    /** The checkpoints that completed and whose snapshot fell between the first and the last firing. */
    private List<Long> completedMidFiring(String job, boolean interruptible) throws Exception {
        Configuration c = new Configuration();
        c.setString("execution.checkpointing.interval", "20 ms");
        c.setString("execution.checkpointing.dir", dir.toUri().toString());
        c.setString("execution.checkpointing.unaligned.enabled", "true");
        c.setString("execution.checkpointing.unaligned.interruptible-timers.enabled", String.valueOf(interruptible));
        c.setString("restart-strategy.type", "none");
        JobGraph.Builder b = JobGraph.builder(job).configuration(c);
        int src = b.addVertex(OperatorFactory.of("source", "src",
            () -> new RowsThenWatermark(job)), 1, 128);
        int tim = b.addVertex(OperatorFactory.keyed("timers", "timers", () -> new SlowTimers(job), KEY, KeySelector.ofFields(0)),
            1, 128);
        b.connect(src, tim, Partitioner.hash(KeySelector.ofFields(0)));
        try (LocalCluster cluster = new LocalCluster()) {
            assertEquals(JobStatus.FINISHED, CheckpointedJobs.submit(cluster, b.build(), job).await(Duration.ofSeconds(60)));
        }
        Set<Long> completed = COMPLETED.getOrDefault(job, Set.of());
        return FIRED_AT_SNAPSHOT.getOrDefault(job, List.of()).stream()
            .filter(s -> s[1] > 0 && s[1] < TIMERS && completed.contains(s[0])).map(s -> s[0]).toList();
    }

    @Test
    void whenTimersAreInterruptible_thenACheckpointCompletesBeforeAllTimersHaveFired() throws Exception {
        assertTrue(!completedMidFiring("interruptible", true).isEmpty(), "snapshots: " + snapshots("interruptible"));
    }

    @Test
    void whenTimersAreNotInterruptible_thenNoSnapshotFallsBetweenTwoGroupsOfFirings() throws Exception {
        assertEquals(List.of(), completedMidFiring("not-interruptible", false), snapshots("not-interruptible"));
        assertTrue(FIRED_AT_SNAPSHOT.get("not-interruptible").stream().anyMatch(s -> s[1] == TIMERS),
            "checkpoints were taken once all timers had fired: " + snapshots("not-interruptible"));
    }

    private static String snapshots(String job) {
        StringBuilder sb = new StringBuilder();
        FIRED_AT_SNAPSHOT.getOrDefault(job, List.of()).forEach(s -> sb.append(s[0]).append(':').append(s[1]).append(' '));
        return sb.toString();
    }
}
