package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.at;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.harness;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.keyedByK;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionWindowAggOperatorTest {

    private static OperatorFactory session(long gap, boolean rowtime) {
        return keyedByK(() -> new SessionWindowAggOperator(() -> new TestAggs(1), gap, 2, rowtime, UTC));
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenGapPasses_thenSessionFiresPerKey(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(session(10, true), backend, restore)) {
                h.processElement(at("a", 1, 0)).processElement(at("a", 2, 5)).processElement(at("b", 3, 4))
                    .processElement(at("a", 4, 30)).processWatermark(14);
                assertEquals(List.of("+I[b, 1, 3, 3, 4, 14, 13]", "+I[a, 2, 3, 1, 0, 15, 14]"), strings(h.rows()));
                h.processWatermark(100);
                assertEquals("+I[a, 1, 4, 4, 30, 40, 39]", h.rows().get(2).toString());
                assertEquals(List.of(), h.pendingTimers());
                assertFalse(((SessionWindowAggOperator) h.chainedOperator().operator()).hasOpenSessions(Row.of("a")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRowBridgesTwoSessions_thenTheyMerge(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(session(10, true), backend, restore)) {
                h.processElement(at("a", 5, 0)).processElement(at("a", 7, 20)).processElement(at("a", 6, 10))
                    .processWatermark(28);
                assertEquals(List.of(), h.rows());
                h.processWatermark(29);
                assertEquals(List.of("+I[a, 3, 18, 5, 0, 30, 29]"), strings(h.rows()));
                assertEquals(List.of(), h.pendingTimers());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenRowIsLateAndJoinsNoSession_thenItIsDroppedAndCounted(String backend) throws Exception {
        try (OperatorHarness h = harness(session(10, true), backend, false)) {
            h.processElement(at("a", 1, 20)).processWatermark(25)
                .processElement(at("a", 2, 5))      // [5, 15): late, no open session
                .processElement(at("a", 3, 12))     // [12, 22) touches the open [20, 30): merged
                .processWatermark(40);
            assertEquals(List.of("+I[a, 2, 4, 1, 12, 30, 29]"), strings(h.rows()));
            assertEquals(1, h.metrics().lateRecordsDropped());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void whenProcessingTime_thenSessionsCloseOnTheClock(String backend) throws Exception {
        try (OperatorHarness h = harness(session(10, false), backend, false)) {
            h.processElement(at("a", 1, 999)).setProcessingTime(5).processElement(at("a", 2, 999)).setProcessingTime(14);
            assertEquals(List.of("+I[a, 2, 3, 1, 0, 15, 14]"), strings(h.rows()));
        }
    }
}
