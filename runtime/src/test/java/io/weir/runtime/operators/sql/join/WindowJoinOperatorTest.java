package io.weir.runtime.operators.sql.join;

import static io.weir.runtime.operators.sql.join.JoinTesting.INPUT_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.KEY_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.UTC;
import static io.weir.runtime.operators.sql.join.JoinTesting.at;
import static io.weir.runtime.operators.sql.join.JoinTesting.harness;
import static io.weir.runtime.operators.sql.join.JoinTesting.since;
import static io.weir.runtime.operators.sql.join.JoinTesting.sorted;
import static io.weir.runtime.operators.sql.join.JoinTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs {@code (k, v, window_end)}: the third field is the window end. */
class WindowJoinOperatorTest {

    private static OperatorFactory join(JoinType type, boolean rowtime) {
        return OperatorFactory.keyed("wj", "wj-uid",
            () -> new WindowJoinOperator(type, INPUT_TYPE, INPUT_TYPE, 2, 2, rowtime, () -> null, UTC),
            KEY_TYPE, KeySelector.ofFields(0), KeySelector.ofFields(0));
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldJoinPerWindowWhenTheWatermarkPassesTheWindowEnd(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.FULL, true), backend, false)) {
            h.processElement(0, at("a", 1, 10)).processElement(1, at("a", 2, 10)).processElement(1, at("a", 3, 20))
                .processElement(0, at("b", 4, 10)).processElement(1, at("c", 5, 10)).processElement(0, at("a", 6, 20));
            h.processWatermark(0, 9).processWatermark(1, 9);
            assertEquals(sorted("+I[a, 1, 10, a, 2, 10]", "+I[b, 4, 10, null, null, null]",
                "+I[null, null, null, c, 5, 10]"), sorted(h.rows()));
            h.processWatermark(0, 19).processWatermark(1, 19);
            assertEquals(List.of("+I[a, 6, 20, a, 3, 20]"), since(h, 3));
            assertTrue(h.pendingTimers().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenRowOfAFiredWindowArrives_thenItIsDroppedAndCounted(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.LEFT, true), backend, false)) {
            h.processWatermark(0, 10).processWatermark(1, 10);
            h.processElement(0, at("a", 1, 10)).processElement(0, at("a", 2, 12));
            h.processWatermark(0, 20).processWatermark(1, 20);
            assertEquals(List.of("+I[a, 2, 12, null, null, null]"), strings(h.rows()));
            assertEquals(1, h.metrics().lateRecordsDropped());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldFireProcessingTimeWindowsByTheClockAfterARestore(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = harness(join(JoinType.INNER, false), backend, false)) {
            h.processElement(0, at("a", 1, 100)).processElement(1, at("a", 2, 100));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(join(JoinType.INNER, false)).stateBackend(backend)
            .restoreFrom(snapshot).open()) {
            h.processElement(1, at("a", 3, 100)).setProcessingTime(99);
            assertEquals(sorted("+I[a, 1, 100, a, 2, 100]", "+I[a, 1, 100, a, 3, 100]"), sorted(h.rows()));
        }
    }
}
