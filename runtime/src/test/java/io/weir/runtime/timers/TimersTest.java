package io.weir.runtime.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.config.Configuration;
import io.weir.checkpoint.state.VoidNamespace;
import io.weir.checkpoint.state.VoidNamespaceSerializer;
import io.weir.runtime.RuntimeOptions;
import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OneInputStreamOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.Timer;
import io.weir.runtime.operators.TimerService;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.Backends;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Timer ordering, dedup, deletion, processing time, snapshot/restore and rescaling, on every backend. */
class TimersTest {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.bigint()});

    /**
     * Rows {@code (key, time, action)}: action "E" registers an event-time timer, "P" a
     * processing-time timer, "D" deletes the event-time timer. Emits {@code (key, time, domain)} on firing.
     */
    static final class TimerOperator implements OneInputStreamOperator {
        private OperatorContext ctx;
        private TimerService<VoidNamespace> timers;

        @Override
        public void open(OperatorContext context) {
            ctx = context;
            timers = context.timerService(VoidNamespaceSerializer.INSTANCE);
        }

        @Override
        public void processElement(Row row) {
            long t = (Long) row.getField(1);
            switch ((String) row.getField(2)) {
                case "E": timers.registerEventTimeTimer(VoidNamespace.INSTANCE, t); break;
                case "P": timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, t); break;
                default: timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, t);
            }
        }

        @Override
        public void onTimer(Timer<?> timer) {
            ctx.output().collect(Row.of(ctx.currentKey().getField(0), timer.timestamp(), timer.domain().name()));
        }
    }

    private static OperatorFactory factory() {
        return OperatorFactory.keyed("timers", "timers", TimerOperator::new, KEY, KeySelector.ofFields(0));
    }

    private static OperatorHarness harness(String backend, boolean restoreEveryStep) throws Exception {
        Backends.assumeAvailable(backend);
        OperatorHarness.Builder b = OperatorHarness.builder(factory()).stateBackend(backend);
        if (restoreEveryStep) {
            b.snapshotRestoreAtEveryStep();
        }
        return b.open();
    }

    static List<Object[]> backendsAndModes() {
        List<Object[]> l = new ArrayList<>();
        Backends.all().forEach(b -> {
            l.add(new Object[] {b, false});
            l.add(new Object[] {b, true});
        });
        return l;
    }

    @ParameterizedTest
    @MethodSource("backendsAndModes")
    void shouldFireEventTimeTimersInOrderOnceAndNotDeletedOnes(String backend, boolean restoreEveryStep) throws Exception {
        try (OperatorHarness h = harness(backend, restoreEveryStep)) {
            h.processElement(Row.of(1L, 30L, "E"))
                .processElement(Row.of(2L, 10L, "E"))
                .processElement(Row.of(2L, 10L, "E"))
                .processElement(Row.of(3L, 20L, "E"))
                .processElement(Row.of(3L, 20L, "D"))
                .processElement(Row.of(1L, 5L, "E"));
            assertEquals(3, h.pendingTimers().size());
            h.processWatermark(10);
            assertEquals(List.of(Row.of(1L, 5L, "EVENT_TIME"), Row.of(2L, 10L, "EVENT_TIME")), h.rows());
            h.processWatermark(100);
            assertEquals(Row.of(1L, 30L, "EVENT_TIME"), h.rows().get(2));
            assertEquals(3, h.rows().size());
            assertEquals(List.of(10L, 100L), h.watermarks());
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndModes")
    void shouldFireProcessingTimeTimersWhenTheClockPassesThem(String backend, boolean restoreEveryStep) throws Exception {
        try (OperatorHarness h = harness(backend, restoreEveryStep)) {
            h.processElement(Row.of(1L, 100L, "P")).processElement(Row.of(2L, 50L, "P"));
            h.setProcessingTime(60);
            assertEquals(List.of(Row.of(2L, 50L, "PROCESSING_TIME")), h.rows());
            h.setProcessingTime(100);
            assertEquals(2, h.rows().size());
            assertTrue(h.pendingTimers().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.testutils.Backends#all")
    void shouldRestoreTimersAtAnotherParallelismWithTheirKeys(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        OperatorRestoreState snapshot;
        try (OperatorHarness h = OperatorHarness.builder(factory()).stateBackend(backend).open()) {
            for (long k = 0; k < 50; k++) {
                h.processElement(Row.of(k, 100 + k, "E"));
            }
            snapshot = h.snapshot();
        }
        List<Row> fired = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            try (OperatorHarness h = OperatorHarness.builder(factory()).stateBackend(backend).subtask(subtask, 3, 128)
                .restoreFrom(snapshot).open()) {
                h.processWatermark(Long.MAX_VALUE);
                for (Row r : h.rows()) {
                    int kg = io.weir.checkpoint.state.KeyGroupRangeAssignment.assignToKeyGroup(Row.of(r.getField(0)), 128);
                    assertTrue(h.chainedOperator().keyGroupRange().contains(kg));
                }
                fired.addAll(h.rows());
            }
        }
        assertEquals(50, fired.size());
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.testutils.Backends#all")
    void whenManyTimersFireOnOneWatermark_thenTheyFireInGroupsWithProgressiveWatermarks(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        Configuration conf = new Configuration();
        conf.set(RuntimeOptions.TIMER_FIRING_BATCH_SIZE, 10);
        try (OperatorHarness h = OperatorHarness.builder(factory()).stateBackend(backend).configuration(conf).open()) {
            for (long k = 0; k < 35; k++) {
                h.processElement(Row.of(k, k, "E"));
            }
            h.processWatermark(1000);
            assertEquals(35, h.rows().size());
            // progress after each group of 10: the earliest unfired timer - 1, then the full watermark
            assertEquals(List.of(9L, 19L, 29L, 1000L), h.watermarks());
            for (int i = 1; i < 35; i++) {
                assertTrue((Long) h.rows().get(i - 1).getField(1) <= (Long) h.rows().get(i).getField(1));
            }
        }
    }
}
