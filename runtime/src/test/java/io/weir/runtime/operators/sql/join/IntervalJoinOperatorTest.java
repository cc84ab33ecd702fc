package io.weir.runtime.operators.sql.join;

import static io.weir.runtime.operators.sql.join.JoinTesting.INPUT_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.KEY_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.UTC;
import static io.weir.runtime.operators.sql.join.JoinTesting.at;
import static io.weir.runtime.operators.sql.join.JoinTesting.harness;
import static io.weir.runtime.operators.sql.join.JoinTesting.ins;
import static io.weir.runtime.operators.sql.join.JoinTesting.since;
import static io.weir.runtime.operators.sql.join.JoinTesting.sorted;
import static io.weir.runtime.operators.sql.join.JoinTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.data.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalJoinOperatorTest {

    /** {@code l.ts BETWEEN r.ts - 5 AND r.ts + 10}. */
    private static OperatorFactory join(JoinType type, boolean rowtime) {
        return OperatorFactory.keyed("ij", "ij-uid",
            () -> new IntervalJoinOperator(type, INPUT_TYPE, INPUT_TYPE, 2, 2, -5, 10, rowtime, () -> null, UTC),
            KEY_TYPE, KeySelector.ofFields(0), KeySelector.ofFields(0));
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldJoinRowsWithinTheIntervalOnly(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(join(JoinType.INNER, true), backend, restore)) {
                h.processElement(1, at("a", 1, 100))
                    .processElement(0, at("a", 10, 94))   // 100 - 6: too early
                    .processElement(0, at("a", 11, 95))   // r.ts - 5
                    .processElement(0, at("a", 12, 110))  // r.ts + 10
                    .processElement(0, at("a", 13, 111))  // too late
                    .processElement(0, at("b", 14, 100)); // other key
                assertEquals(List.of("+I[a, 11, 95, a, 1, 100]", "+I[a, 12, 110, a, 1, 100]"), strings(h.rows()),
                    "restoreEveryStep=" + restore);
                h.processElement(1, at("a", 2, 105));
                assertEquals(sorted("+I[a, 12, 110, a, 2, 105]", "+I[a, 13, 111, a, 2, 105]"),
                    sorted(h.rows().subList(2, h.rows().size())));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenWatermarkPassesTheInterval_thenStateIsCleanedAndNoLongerJoins(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.INNER, true), backend, false)) {
            h.processElement(0, at("a", 1, 100)).processElement(1, at("a", 2, 100));
            assertEquals(1, h.rows().size());
            // left 100 waits for right rows up to 105, right 100 for left rows up to 110
            h.processWatermark(0, 200).processWatermark(1, 200);
            assertTrue(h.pendingTimers().isEmpty(), "cleanup timers fired: " + h.pendingTimers());
            h.processElement(1, at("a", 3, 101)).processElement(0, at("a", 4, 100));
            assertEquals(1, h.rows().size(), "rows of expired state joined: " + h.rows());
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenOuterRowExpiresUnmatched_thenItIsEmittedPaddedOnce(String backend) throws Exception {
        // not restored at every step: input watermarks are not state, and both inputs must advance
        try (OperatorHarness h = harness(join(JoinType.FULL, true), backend, false)) {
            h.processElement(0, at("a", 1, 100)).processElement(1, at("a", 2, 300)).processElement(0, at("a", 3, 299));
            assertEquals(List.of("+I[a, 3, 299, a, 2, 300]"), strings(h.rows()));
            h.processWatermark(0, 106).processWatermark(1, 106);
            assertEquals(List.of("+I[a, 1, 100, null, null, null]"), since(h, 1));
            h.processWatermark(0, 1000).processWatermark(1, 1000);
            assertEquals(List.of(), since(h, 2), "no padding for matched rows");
            // a row arriving after its interval has passed is padded at once
            h.processElement(0, at("a", 5, 10));
            assertEquals(List.of("+I[a, 5, 10, null, null, null]"), since(h, 2));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldJoinOnProcessingTimeAndExpireByTheClock(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(join(JoinType.LEFT, false)).stateBackend(backend)
            .processingTime(1000).open()) {
            h.processElement(1, ins("a", 1)).setProcessingTime(1004).processElement(0, ins("a", 2));
            assertEquals(List.of("+I[a, 2, 0, a, 1, 0]"), strings(h.rows()));
            h.setProcessingTime(1020).processElement(0, ins("a", 3));
            assertEquals(List.of(), since(h, 1), "the left row waits for right rows until 1025");
            h.setProcessingTime(1025);
            assertEquals(List.of("+I[a, 3, 0, null, null, null]"), since(h, 1));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenRowsAreNotLate_thenFullOuterResultEqualsBruteForce(String backend) throws Exception {
        Random random = new Random(11);
        List<Row> lefts = new ArrayList<>();
        List<Row> rights = new ArrayList<>();
        try (OperatorHarness h = harness(join(JoinType.FULL, true), backend, false)) {
            long watermark = 0;
            for (int i = 0; i < 300; i++) {
                Row r = at("k" + random.nextInt(3), i, watermark + 1 + random.nextInt(30));
                if (random.nextBoolean()) {
                    lefts.add(r);
                    h.processElement(0, r);
                } else {
                    rights.add(r);
                    h.processElement(1, r);
                }
                if (random.nextInt(5) == 0) {
                    watermark += random.nextInt(10);
                    h.processWatermark(0, watermark).processWatermark(1, watermark);
                }
            }
            h.processWatermark(0, Long.MAX_VALUE).processWatermark(1, Long.MAX_VALUE);
            assertEquals(bruteForce(lefts, rights), sorted(h.rows()));
        }
    }

    /** Full outer join on k and {@code l.ts - r.ts in [-5, 10]}. */
    private static List<String> bruteForce(List<Row> lefts, List<Row> rights) {
        List<String> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[rights.size()];
        for (Row l : lefts) {
            boolean matched = false;
            for (int j = 0; j < rights.size(); j++) {
                Row r = rights.get(j);
                long d = (Long) l.getField(2) - (Long) r.getField(2);
                if (l.getField(0).equals(r.getField(0)) && d >= -5 && d <= 10) {
                    matched = true;
                    rightMatched[j] = true;
                    out.add("+I" + List.of(l.getField(0), l.getField(1), l.getField(2), r.getField(0), r.getField(1),
                        r.getField(2)));
                }
            }
            if (!matched) {
                out.add("+I[" + l.getField(0) + ", " + l.getField(1) + ", " + l.getField(2) + ", null, null, null]");
            }
        }
        for (int j = 0; j < rights.size(); j++) {
            if (!rightMatched[j]) {
                Row r = rights.get(j);
                out.add("+I[null, null, null, " + r.getField(0) + ", " + r.getField(1) + ", " + r.getField(2) + "]");
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void whenLowerBoundExceedsUpperBound_thenConstructionFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new IntervalJoinOperator(JoinType.INNER, INPUT_TYPE, INPUT_TYPE, 2, 2, 10, 5, true, () -> null, UTC));
        assertTrue(e.getMessage().contains("lower bound 10 ms"), e.getMessage());
    }
    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void shouldHoldBackTheOutputWatermarkByTheLargerBound(String backend) throws Exception {
        // bounds -5 and 10: an output row's time can be up to 10 below the input watermark
        try (OperatorHarness h = harness(join(JoinType.LEFT, true), backend, false)) {
            h.processElement(0, at("a", 1, 100));
            h.processWatermark(0, 104).processWatermark(1, 104);
            assertEquals(List.of(94L), h.watermarks());
            assertEquals(List.of(), strings(h.rows()), "left row 100 may still match right rows up to 105");
            h.processWatermark(0, 105).processWatermark(1, 105);
            assertEquals(List.of("+I[a, 1, 100, null, null, null]"), strings(h.rows()));
            assertEquals(95L, (long) h.watermarks().get(h.watermarks().size() - 1),
                "the padded row (100) is not behind the forwarded watermark");
            h.processElement(1, at("a", 2, 200)).processElement(0, at("a", 3, 195));
            assertEquals(List.of("+I[a, 3, 195, a, 2, 200]"), since(h, 1));
            assertTrue(195 > h.watermarks().get(h.watermarks().size() - 1));
        }
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.join.StreamingJoinOperatorTest#backends")
    void whenRowArrivesLate_thenItIsPaddedAtOnceAndBehindTheForwardedWatermark(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.LEFT, true), backend, false)) {
            h.processWatermark(0, 300).processWatermark(1, 300);
            h.processElement(0, at("a", 1, 100));
            assertEquals(List.of("+I[a, 1, 100, null, null, null]"), strings(h.rows()));
            assertTrue(h.pendingTimers().isEmpty(), "a late row is not kept");
            assertEquals(List.of(290L), h.watermarks(), "late for a following window, which drops it");
        }
    }

    @Test
    void shouldForwardProcessingTimeWatermarksUnchanged() throws Exception {
        try (OperatorHarness h = harness(join(JoinType.INNER, false), "hashmap", false)) {
            h.processWatermark(0, 100).processWatermark(1, 100);
            assertEquals(List.of(100L), h.watermarks());
        }
    }

    @Test
    void shouldDelayByTheLargerOfTheBoundsNeverNegative() {
        assertEquals(10, IntervalJoinOperator.outputDelay(-5, 10));
        assertEquals(60_000, IntervalJoinOperator.outputDelay(-60_000, 0));
        assertEquals(5, IntervalJoinOperator.outputDelay(1, 5));
        assertEquals(5, IntervalJoinOperator.outputDelay(-5, -1));
    }
}
