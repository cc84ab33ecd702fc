package io.weir.runtime.operators.sql.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs {@code (k STRING, v BIGINT, ts BIGINT)}, deduplicated per {@code k}. */
class DeduplicateOperatorTest {
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});
    static final RowType INPUT_TYPE = RowType.of(new String[] {"k", "v", "ts"},
        new DataType[] {DataType.string(), DataType.bigint(), DataType.bigint()});

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    static OperatorFactory keyed(Supplier<? extends StreamOperator> op) {
        return OperatorFactory.keyed("dedup", "dedup-uid", op, KEY_TYPE, KeySelector.ofFields(0));
    }

    static Row at(String k, long v, long ts) {
        return Row.of(k, v, ts);
    }

    static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    private static OperatorHarness run(String backend, boolean rowtime, boolean keepLast, boolean updateBefore,
                                       Row... rows) throws Exception {
        OperatorHarness h = OperatorHarness.builder(keyed(() -> new DeduplicateOperator(INPUT_TYPE, rowtime, 2,
            keepLast, updateBefore, StateTtlConfig.DISABLED))).stateBackend(backend).snapshotRestoreAtEveryStep().open();
        for (Row r : rows) {
            h.processElement(r);
        }
        return h;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldKeepTheFirstRowPerKeyOnProcessingTime(String backend) throws Exception {
        try (OperatorHarness h = run(backend, false, false, true, at("a", 1, 0), at("b", 2, 0), at("a", 3, 0))) {
            assertEquals(List.of("+I[a, 1, 0]", "+I[b, 2, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldKeepTheLastRowPerKeyOnProcessingTimeWithUpdates(String backend) throws Exception {
        try (OperatorHarness h = run(backend, false, true, true, at("a", 1, 0), at("a", 2, 0))) {
            assertEquals(List.of("+I[a, 1, 0]", "-U[a, 1, 0]", "+U[a, 2, 0]"), strings(h.rows()));
        }
        try (OperatorHarness h = run(backend, false, true, false, at("a", 1, 0), at("a", 2, 0))) {
            assertEquals(List.of("+I[a, 1, 0]", "+U[a, 2, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldKeepTheEarliestRowOnRowtimeEvenWhenItArrivesLater(String backend) throws Exception {
        try (OperatorHarness h = run(backend, true, false, true, at("a", 1, 10), at("a", 2, 5), at("a", 3, 5),
            at("a", 4, 20))) {
            assertEquals(List.of("+I[a, 1, 10]", "-U[a, 1, 10]", "+U[a, 2, 5]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldKeepTheLatestRowOnRowtimeIgnoringOlderOnes(String backend) throws Exception {
        try (OperatorHarness h = run(backend, true, true, true, at("a", 1, 10), at("a", 2, 5), at("a", 3, 10))) {
            assertEquals(List.of("+I[a, 1, 10]", "-U[a, 1, 10]", "+U[a, 3, 10]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenStateTtlExpires_thenTheKeyStartsAgain(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(keyed(() -> new DeduplicateOperator(INPUT_TYPE, false, 2,
            false, true, StateTtlConfig.of(Duration.ofMillis(1000))))).stateBackend(backend).open()) {
            h.processElement(at("a", 1, 0)).processElement(at("a", 2, 0));
            Thread.sleep(1300); // TTL runs on the wall clock; long enough for a loaded machine
            h.processElement(at("a", 3, 0));
            assertEquals(List.of("+I[a, 1, 0]", "+I[a, 3, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldEmitOneRowPerKeyAndWindowAtWindowEnd(String backend) throws Exception {
        // (k, v, ts) with the window end appended as field 3
        RowType type = RowType.of(new String[] {"k", "v", "ts", "window_end"},
            new DataType[] {DataType.string(), DataType.bigint(), DataType.bigint(), DataType.bigint()});
        for (boolean keepLast : new boolean[] {false, true}) {
            try (OperatorHarness h = OperatorHarness.builder(keyed(() -> new WindowDeduplicateOperator(type, 2, 3,
                keepLast))).stateBackend(backend).snapshotRestoreAtEveryStep().open()) {
                h.processElement(Row.of("a", 1L, 3L, 10L)).processElement(Row.of("a", 2L, 1L, 10L))
                    .processElement(Row.of("a", 3L, 8L, 10L)).processElement(Row.of("a", 4L, 12L, 20L));
                assertTrue(h.rows().isEmpty());
                h.processWatermark(9);
                assertEquals(List.of(keepLast ? "+I[a, 3, 8, 10]" : "+I[a, 2, 1, 10]"), strings(h.rows()));
                // late for the fired window [.., 10): dropped, also after a restore (the watermark is kept)
                h.processElement(Row.of("a", 5L, 9L, 10L)).processWatermark(30);
                assertEquals(List.of(keepLast ? "+I[a, 3, 8, 10]" : "+I[a, 2, 1, 10]", "+I[a, 4, 12, 20]"),
                    strings(h.rows()));
            }
        }
    }

    private static List<String> runCached(String backend, boolean rowtime, boolean keepLast, int cachedKeys,
                                          boolean restore, List<Row> input) throws Exception {
        OperatorHarness.Builder b = OperatorHarness.builder(keyed(() -> new DeduplicateOperator(INPUT_TYPE, rowtime, 2,
            keepLast, true, StateTtlConfig.DISABLED, cachedKeys))).stateBackend(backend);
        if (restore) {
            b.snapshotRestoreAtEveryStep();
        }
        try (OperatorHarness h = b.open()) {
            for (Row r : input) {
                h.processElement(r);
            }
            return strings(h.rows());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenWriteBackCacheEvictsAndCheckpoints_thenOutputEqualsUncached(String backend) throws Exception {
        java.util.Random random = new java.util.Random(11);
        List<Row> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add(at("k" + random.nextInt(10), i, random.nextInt(50)));
        }
        for (boolean rowtime : new boolean[] {false, true}) {
            for (boolean keepLast : new boolean[] {false, true}) {
                String mode = "rowtime=" + rowtime + ", keepLast=" + keepLast;
                List<String> expected = runCached(backend, rowtime, keepLast, 0, false, input);
                assertEquals(expected, runCached(backend, rowtime, keepLast, 3, false, input), mode);
                List<Row> prefix = input.subList(0, 20);
                assertEquals(runCached(backend, rowtime, keepLast, 0, true, prefix),
                    runCached(backend, rowtime, keepLast, 3, true, prefix), mode + ", restored at every step");
            }
        }
    }
}
