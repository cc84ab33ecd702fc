package io.weir.runtime.operators.sql.join;

import static io.weir.runtime.operators.sql.join.JoinTesting.INPUT_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.KEY_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.UTC;
import static io.weir.runtime.operators.sql.join.JoinTesting.at;
import static io.weir.runtime.operators.sql.join.JoinTesting.harness;
import static io.weir.runtime.operators.sql.join.JoinTesting.ins;
import static io.weir.runtime.operators.sql.join.JoinTesting.since;
import static io.weir.runtime.operators.sql.join.JoinTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemporalJoinOperatorTest {

    private static OperatorFactory eventTime(JoinType type) {
        return OperatorFactory.keyed("tj", "tj-uid",
            () -> new TemporalJoinOperator(type, INPUT_TYPE, INPUT_TYPE, 2, 2, () -> null, UTC),
            KEY_TYPE, KeySelector.ofFields(0), KeySelector.ofFields(0));
    }

    private static OperatorHarness watermark(OperatorHarness h, long w) throws Exception {
        return h.processWatermark(0, w).processWatermark(1, w);
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldJoinEachProbeRowWithTheVersionValidAtItsTime(String backend) throws Exception {
        try (OperatorHarness h = harness(eventTime(JoinType.LEFT), backend, false)) {
            // probe rows arrive before the versions they need: they wait for the watermark
            h.processElement(0, at("a", 1, 5)).processElement(0, at("a", 2, 15)).processElement(0, at("a", 3, 25))
                .processElement(0, at("a", 4, 35)).processElement(0, at("a", 5, 20));
            h.processElement(1, at("a", 100, 10)).processElement(1, at("a", 200, 20))
                .processElement(1, Row.ofKind(RowKind.DELETE, "a", 200L, 30L));
            assertEquals(List.of(), strings(h.rows()));
            watermark(h, 40);
            assertEquals(List.of("+I[a, 1, 5, null, null, null]", "+I[a, 2, 15, a, 100, 10]",
                "+I[a, 5, 20, a, 200, 20]", "+I[a, 3, 25, a, 200, 20]", "+I[a, 4, 35, null, null, null]"),
                strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenWatermarkPasses_thenOldVersionsArePrunedButTheValidOneStays(String backend) throws Exception {
        try (OperatorHarness h = harness(eventTime(JoinType.INNER), backend, false)) {
            h.processElement(1, at("a", 100, 10)).processElement(1, at("a", 200, 20));
            watermark(h, 30);
            // a probe row behind the watermark is joined at once with what is kept: only version 20
            h.processElement(0, at("a", 1, 25)).processElement(0, at("a", 2, 15));
            assertEquals(List.of("+I[a, 1, 25, a, 200, 20]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenVersionedTableRetracts_thenUpdateBeforeKeepsTheOldVersionValidUntilTheNext(String backend)
        throws Exception {
        try (OperatorHarness h = harness(eventTime(JoinType.LEFT), backend, false)) {
            h.processElement(1, at("a", 100, 10))
                .processElement(1, Row.ofKind(RowKind.UPDATE_BEFORE, "a", 100L, 10L))
                .processElement(1, Row.ofKind(RowKind.UPDATE_AFTER, "a", 200L, 20L))
                .processElement(0, at("a", 1, 15)).processElement(0, at("a", 2, 25));
            watermark(h, 30);
            assertEquals(List.of("+I[a, 1, 15, a, 100, 10]", "+I[a, 2, 25, a, 200, 20]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldContinueAfterRestoreWithBufferedProbeRowsAndVersions(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = harness(eventTime(JoinType.INNER), backend, false)) {
            h.processElement(0, at("a", 1, 15)).processElement(1, at("a", 100, 10));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(eventTime(JoinType.INNER)).stateBackend(backend)
            .restoreFrom(snapshot).open()) {
            h.processElement(1, at("a", 200, 14));
            watermark(h, 20);
            assertEquals(List.of("+I[a, 1, 15, a, 200, 14]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldJoinOnProcessingTimeWithTheLatestVersion(String backend) throws Exception {
        OperatorFactory f = OperatorFactory.keyed("ptj", "ptj-uid",
            () -> new ProcTimeTemporalJoinOperator(JoinType.LEFT, INPUT_TYPE, INPUT_TYPE, () -> null,
                StateTtlConfig.DISABLED, UTC), KEY_TYPE, KeySelector.ofFields(0), KeySelector.ofFields(0));
        try (OperatorHarness h = harness(f, backend, true)) {
            h.processElement(0, ins("a", 1)).processElement(1, ins("a", 100)).processElement(0, ins("a", 2))
                .processElement(1, Row.ofKind(RowKind.UPDATE_AFTER, "a", 200L, 0L)).processElement(0, ins("a", 3))
                .processElement(1, Row.ofKind(RowKind.DELETE, "a", 200L, 0L)).processElement(0, ins("a", 4));
            assertEquals(List.of("+I[a, 1, 0, null, null, null]", "+I[a, 2, 0, a, 100, 0]", "+I[a, 3, 0, a, 200, 0]",
                "+I[a, 4, 0, null, null, null]"), since(h, 0));
        }
    }

    @Test
    void whenJoinTypeIsNotInnerOrLeft_thenFactoryFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemporalJoinOperator.factory(
            "tj", "tj", JoinType.FULL, KeySelector.ofFields(0), KeySelector.ofFields(0), KEY_TYPE, INPUT_TYPE,
            INPUT_TYPE, 2, 2, null, UTC));
        assertEquals("temporal join: FULL join is not supported; a temporal join is INNER or LEFT "
            + "(the versioned table on the right)", e.getMessage());
    }
}
