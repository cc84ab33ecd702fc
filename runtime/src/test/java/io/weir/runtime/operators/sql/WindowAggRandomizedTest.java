package io.weir.runtime.operators.sql;

import static io.weir.runtime.operators.sql.SqlOperatorTesting.UTC;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.at;
import static io.weir.runtime.operators.sql.SqlOperatorTesting.keyedByK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the slicing window operator with a brute-force model (every window computed from the
 * rows that reached it before it fired) on random out-of-order input with watermarks, for each
 * window kind, with a snapshot and restore into a fresh operator in the middle.
 */
class WindowAggRandomizedTest {

    private static final List<SliceAssigner> ASSIGNERS = List.of(SliceAssigner.tumble(10, 0),
        SliceAssigner.hop(12, 4, 0), SliceAssigner.hop(10, 4, 3), SliceAssigner.cumulate(12, 4, 0));

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void shouldMatchBruteForceWindows(String backend) throws Exception {
        for (SliceAssigner assigner : ASSIGNERS) {
            for (long seed = 1; seed <= 3; seed++) {
                check(assigner, seed, backend, WindowAggOperator.MAX_BUFFERED_ROWS);
                check(assigner, seed, backend, 3);
            }
        }
    }

    private static void check(SliceAssigner assigner, long seed, String backend, int buffer) throws Exception {
        Random random = new Random(seed);
        // model: window (key, end) -> [count, sum, min], filled with the rows each window received before firing
        Map<String, long[]> model = new TreeMap<>();
        OperatorFactory f = keyedByK(() -> new WindowAggOperator(() -> new TestAggs(1), assigner, 2, true, UTC, buffer));
        List<Row> output = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        long maxTs = 0;
        OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).open();
        try {
            for (int i = 0; i < 150; i++) {
                if (i == 75) {
                    OperatorRestoreState snapshot = h.snapshot();
                    output.addAll(h.rows());
                    h.close();
                    h = OperatorHarness.builder(f).stateBackend(backend).restoreFrom(snapshot).open();
                }
                if (random.nextInt(8) == 0) {
                    long wm = maxTs - random.nextInt(6);
                    if (wm > watermark) {
                        watermark = wm;
                        h.processWatermark(wm);
                    }
                    continue;
                }
                long ts = maxTs + random.nextInt(9) - 5;
                maxTs = Math.max(maxTs, ts);
                String key = "k" + random.nextInt(3);
                long x = random.nextInt(50);
                h.processElement(at(key, x, ts));
                addToModel(model, assigner, key, x, ts, watermark);
            }
            h.processWatermark(Long.MAX_VALUE);
            output.addAll(h.rows());
        } finally {
            h.close();
        }
        Map<String, String> actual = new TreeMap<>();
        for (Row r : output) {
            actual.put(r.getField(0) + "@" + r.getField(5), r.getField(1) + "," + r.getField(2) + "," + r.getField(3)
                + "," + r.getField(4));
        }
        Map<String, String> expected = new TreeMap<>();
        model.forEach((k, v) -> expected.put(k, v[0] + "," + v[1] + "," + v[2] + "," + v[3]));
        assertEquals(expected, actual, assigner.getClass().getSimpleName() + " seed " + seed + " buffer " + buffer);
    }

    private static void addToModel(Map<String, long[]> model, SliceAssigner a, String key, long x, long ts, long wm) {
        long slice = a.sliceEnd(ts);
        for (long end = a.firstWindowEnd(slice); end <= a.lastWindowEnd(slice); end = a.nextWindowEnd(end)) {
            if (end - 1 > wm) {
                long start = a.windowStart(end);
                long[] w = model.computeIfAbsent(key + "@" + end, k -> new long[] {0, 0, Long.MAX_VALUE, start});
                w[0]++;
                w[1] += x;
                w[2] = Math.min(w[2], x);
            }
        }
    }
}
