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
 * Session windows on random out-of-order input (never late: the watermark trails the rows by more
 * than their disorder) equal sessions computed offline from the sorted rows, with a snapshot and
 * restore into a fresh operator in the middle.
 */
class SessionWindowRandomizedTest {
    private static final long GAP = 7;

    @ParameterizedTest
    @MethodSource("io.weir.runtime.operators.sql.SqlOperatorTesting#backends")
    void shouldMatchOfflineSessions(String backend) throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            OperatorFactory f = keyedByK(() -> new SessionWindowAggOperator(() -> new TestAggs(1), GAP, 2, true, UTC));
            Map<String, List<long[]>> rowsByKey = new TreeMap<>();
            List<Row> output = new ArrayList<>();
            long maxTs = 0;
            OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).open();
            try {
                for (int i = 0; i < 200; i++) {
                    if (i == 100) {
                        OperatorRestoreState snapshot = h.snapshot();
                        output.addAll(h.rows());
                        h.close();
                        h = OperatorHarness.builder(f).stateBackend(backend).restoreFrom(snapshot).open();
                    }
                    long ts = Math.max(0, maxTs + random.nextInt(12) - 4);
                    maxTs = Math.max(maxTs, ts);
                    String key = "k" + random.nextInt(3);
                    long x = random.nextInt(50);
                    h.processElement(at(key, x, ts));
                    rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {ts, x});
                    if (random.nextInt(5) == 0) {
                        h.processWatermark(maxTs - 6);
                    }
                }
                h.processWatermark(Long.MAX_VALUE);
                output.addAll(h.rows());
                assertEquals(0, h.metrics().lateRecordsDropped());
            } finally {
                h.close();
            }
            Map<String, String> actual = new TreeMap<>();
            for (Row r : output) {
                actual.put(r.getField(0) + "@" + r.getField(4), r.getField(1) + "," + r.getField(2) + "," + r.getField(3)
                    + "," + r.getField(5));
            }
            assertEquals(offline(rowsByKey), actual, "seed " + seed);
        }
    }

    /** Sessions of sorted rows: a row joins the current session if it starts at or before its end. */
    private static Map<String, String> offline(Map<String, List<long[]>> rowsByKey) {
        Map<String, String> out = new TreeMap<>();
        rowsByKey.forEach((key, rows) -> {
            rows.sort((a, b) -> Long.compare(a[0], b[0]));
            int i = 0;
            while (i < rows.size()) {
                long start = rows.get(i)[0];
                long end = start + GAP;
                long count = 0;
                long sum = 0;
                long min = Long.MAX_VALUE;
                while (i < rows.size() && rows.get(i)[0] <= end) {
                    end = Math.max(end, rows.get(i)[0] + GAP);
                    count++;
                    sum += rows.get(i)[1];
                    min = Math.min(min, rows.get(i)[1]);
                    i++;
                }
                out.put(key + "@" + start, count + "," + sum + "," + min + "," + end);
            }
        });
        return out;
    }
}
