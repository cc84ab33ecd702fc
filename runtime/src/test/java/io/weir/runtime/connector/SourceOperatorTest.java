package io.weir.runtime.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.NumberSource;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.watermark.TimestampAssigner;
import io.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceOperatorTest {
    private static final WatermarkStrategy WATERMARKS =
        WatermarkStrategy.boundedOutOfOrderness(TimestampAssigner.ofField(2), 0);

    private static OperatorFactory factory(NumberSource source) {
        return SourceOperatorFactory.create("numbers", "numbers", source, WATERMARKS);
    }

    private static SourceOperator.Status pull(OperatorHarness h) throws Exception {
        return ((SourceOperator) h.chainedOperator().operator()).emitNext();
    }

    private static Configuration conf(long intervalMs, long idleMs) {
        Configuration c = new Configuration();
        c.set(RuntimeOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(intervalMs));
        c.set(RuntimeOptions.SOURCE_IDLE_TIMEOUT, Duration.ofMillis(idleMs));
        return c;
    }

    @Test
    void shouldReadOnlyTheSplitsThisSubtaskOwnsUntilEndOfInput() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(factory(new NumberSource(4, 10, true))).subtask(1, 2, 128).open()) {
            while (pull(h) != SourceOperator.Status.END_OF_INPUT) {
                assertTrue(h.rows().size() <= 20);
            }
            Set<Object> splits = new HashSet<>();
            h.rows().forEach(r -> splits.add(r.getField(0)));
            assertEquals(Set.of(1, 3), splits);
            assertEquals(20, h.rows().size());
        }
    }

    @Test
    void shouldEmitTheMinimumWatermarkOfItsSplitsPeriodically() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(factory(new NumberSource(2, 5, false)))
            .configuration(conf(100, 0)).open()) {
            pull(h);
            assertEquals(List.of(), h.watermarks());
            h.setProcessingTime(100);
            // split 0 reached ts 40, split 1 ts 41; minimum minus 1 (bounded out-of-orderness 0)
            assertEquals(List.of(39L), h.watermarks());
            h.setProcessingTime(200);
            assertEquals(List.of(39L), h.watermarks(), "no new watermark when nothing advanced");
        }
    }

    @Test
    void whenAllSplitsAreQuietForTheIdleTimeout_thenTheOutputIsMarkedIdle() throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(factory(new NumberSource(1, 3, false)))
            .configuration(conf(100, 250)).open()) {
            pull(h);
            h.setProcessingTime(100);
            assertEquals(List.of(19L), h.watermarks());
            h.setProcessingTime(300);
            assertTrue(h.output().elements().contains("IDLE"), h.output().elements().toString());
        }
    }

    @Test
    void shouldResumeEachSplitExactlyAfterItsSnapshotPositionAlsoAtAnotherParallelism() throws Exception {
        NumberSource source = new NumberSource(3, 100, true);
        OperatorRestoreState state;
        List<Row> before;
        try (OperatorHarness h = OperatorHarness.builder(factory(source)).open()) {
            pull(h);
            pull(h);
            before = new ArrayList<>(h.rows());
            state = h.snapshot();
        }
        List<Row> after = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            try (OperatorHarness h = OperatorHarness.builder(factory(source)).subtask(subtask, 2, 128).restoreFrom(state).open()) {
                while (pull(h) != SourceOperator.Status.END_OF_INPUT) {
                    assertTrue(h.rows().size() <= 300);
                }
                after.addAll(h.rows());
            }
        }
        assertEquals(300, before.size() + after.size());
        Set<String> all = new HashSet<>();
        before.forEach(r -> all.add(r.getField(0) + ":" + r.getField(1)));
        after.forEach(r -> assertTrue(all.add(r.getField(0) + ":" + r.getField(1)), "duplicate " + r));
        assertEquals(300, all.size());
    }
}
