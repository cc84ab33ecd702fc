package io.weir.runtime.operators.sql.join;

import static io.weir.runtime.operators.sql.join.JoinTesting.INPUT_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.KEY_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.UTC;
import static io.weir.runtime.operators.sql.join.JoinTesting.del;
import static io.weir.runtime.operators.sql.join.JoinTesting.harness;
import static io.weir.runtime.operators.sql.join.JoinTesting.ins;
import static io.weir.runtime.operators.sql.join.JoinTesting.row;
import static io.weir.runtime.operators.sql.join.JoinTesting.since;
import static io.weir.runtime.operators.sql.join.JoinTesting.sorted;
import static io.weir.runtime.operators.sql.join.JoinTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamingJoinOperatorTest {

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    /** Every backend with every state layout (the unique key of both inputs is {@code v}). */
    static Stream<Arguments> backendsAndLayouts() {
        List<Arguments> out = new ArrayList<>();
        for (String b : List.of("hashmap", "rocksdb")) {
            for (String layout : List.of("none", "unique", "joinKey")) {
                out.add(Arguments.of(b, layout));
            }
        }
        return out.stream();
    }

    private static JoinInputSpec spec(String layout) {
        switch (layout) {
            case "unique":
                return JoinInputSpec.withUniqueKey(KeySelector.ofFields(1),
                    RowType.of(new String[] {"v"}, new DataType[] {DataType.bigint()}));
            case "joinKey":
                return JoinInputSpec.joinKeyContainsUniqueKey();
            default:
                return JoinInputSpec.noUniqueKey();
        }
    }

    private static OperatorFactory join(JoinType type, String layout, JoinCondition condition, StateTtlConfig ttl) {
        JoinInputSpec spec = spec(layout);
        return OperatorFactory.keyed("join", "join-uid",
            () -> new StreamingJoinOperator(type, INPUT_TYPE, INPUT_TYPE, spec, spec, () -> condition, true, ttl, UTC),
            KEY_TYPE, KeySelector.ofFields(0), KeySelector.ofFields(0));
    }

    private static OperatorFactory join(JoinType type) {
        return join(type, "none", null, StateTtlConfig.DISABLED);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldInnerJoinInsertOnlyInputsOnTheKey(String backend) throws Exception {
        for (boolean restore : new boolean[] {false, true}) {
            try (OperatorHarness h = harness(join(JoinType.INNER), backend, restore)) {
                h.processElement(0, ins("a", 1)).processElement(1, ins("b", 10)).processElement(1, ins("a", 20))
                    .processElement(0, ins("a", 2)).processElement(0, ins("b", 3));
                assertEquals(List.of("+I[a, 1, 0, a, 20, 0]", "+I[a, 2, 0, a, 20, 0]", "+I[b, 3, 0, b, 10, 0]"),
                    strings(h.rows()), "restoreEveryStep=" + restore);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndLayouts")
    void whenLeftOuterRowGetsFirstMatchAndLosesLast_thenPaddedRowIsRetractedAndReEmitted(String backend, String layout)
        throws Exception {
        try (OperatorHarness h = harness(join(JoinType.LEFT, layout, null, StateTtlConfig.DISABLED), backend, true)) {
            h.processElement(0, ins("a", 1));
            assertEquals(List.of("+I[a, 1, 0, null, null, null]"), strings(h.rows()));
            h.processElement(1, ins("a", 10));
            assertEquals(List.of("-D[a, 1, 0, null, null, null]", "+I[a, 1, 0, a, 10, 0]"), since(h, 1));
            h.processElement(1, del("a", 10));
            assertEquals(List.of("-D[a, 1, 0, a, 10, 0]", "+I[a, 1, 0, null, null, null]"), since(h, 3));
            h.processElement(0, del("a", 1));
            assertEquals(List.of("-D[a, 1, 0, null, null, null]"), since(h, 5));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenOuterRowHasTwoMatches_thenPaddedRowReturnsOnlyAfterTheLastOneGoes(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.RIGHT), backend, false)) {
            h.processElement(1, ins("a", 10)).processElement(0, ins("a", 1)).processElement(0, ins("a", 2));
            assertEquals(List.of("+I[null, null, null, a, 10, 0]", "-D[null, null, null, a, 10, 0]",
                "+I[a, 1, 0, a, 10, 0]", "+I[a, 2, 0, a, 10, 0]"), strings(h.rows()));
            h.processElement(0, del("a", 1));
            assertEquals(List.of("-D[a, 1, 0, a, 10, 0]"), since(h, 4));
            h.processElement(0, row(RowKind.UPDATE_BEFORE, "a", 2));
            assertEquals(List.of("-D[a, 2, 0, a, 10, 0]", "+I[null, null, null, a, 10, 0]"), since(h, 5));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldFullOuterJoinAndMaterializeToTheExpectedTable(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.FULL), backend, false)) {
            h.processElement(0, ins("a", 1)).processElement(1, ins("b", 2)).processElement(1, ins("a", 3))
                .processElement(0, ins("b", 4)).processElement(0, del("a", 1)).processElement(1, ins("c", 5));
            assertEquals(sorted("[b, 4, 0, b, 2, 0]", "[null, null, null, a, 3, 0]", "[null, null, null, c, 5, 0]"),
                materialize(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndLayouts")
    void whenInputsUpdate_thenResultEqualsJoinOfFinalTables(String backend, String layout) throws Exception {
        // random updating inputs: every row has a distinct v per side, so all three layouts apply
        randomUpdates(backend, layout, false, 300);
        if (backend.equals("hashmap")) { // restoring at every step is slow on RocksDB; its restores are tested above
            randomUpdates(backend, layout, true, 60);
        }
    }

    private static void randomUpdates(String backend, String layout, boolean restore, int steps) throws Exception {
        Random random = new Random(42);
        try (OperatorHarness h = harness(join(JoinType.FULL, layout, null, StateTtlConfig.DISABLED), backend, restore)) {
            Map<Integer, List<Row>> sides = new HashMap<>();
            long nextV = 0;
            for (int i = 0; i < steps; i++) {
                int side = random.nextInt(2);
                List<Row> rows = sides.computeIfAbsent(side, s -> new ArrayList<>());
                if (!rows.isEmpty() && random.nextInt(3) == 0) {
                    Row victim = rows.remove(random.nextInt(rows.size()));
                    h.processElement(side, victim.withKind(RowKind.DELETE));
                } else {
                    String k = "k" + random.nextInt(layout.equals("joinKey") ? 40 : 4);
                    if (layout.equals("joinKey") && rows.stream().anyMatch(r -> r.getField(0).equals(k))) {
                        continue;
                    }
                    Row r = Row.of(k, nextV++, 0L);
                    rows.add(r);
                    h.processElement(side, r);
                }
            }
            assertEquals(expectedFullJoin(sides.getOrDefault(0, List.of()), sides.getOrDefault(1, List.of())),
                materialize(h.rows()));
        }
    }

    private static List<String> expectedFullJoin(List<Row> left, List<Row> right) {
        List<String> out = new ArrayList<>();
        for (Row l : left) {
            boolean matched = false;
            for (Row r : right) {
                if (l.getField(0).equals(r.getField(0))) {
                    matched = true;
                    out.add(List.of(l.getField(0), l.getField(1), 0L, r.getField(0), r.getField(1), 0L).toString());
                }
            }
            if (!matched) {
                out.add("[" + l.getField(0) + ", " + l.getField(1) + ", 0, null, null, null]");
            }
        }
        for (Row r : right) {
            if (left.stream().noneMatch(l -> l.getField(0).equals(r.getField(0)))) {
                out.add("[null, null, null, " + r.getField(0) + ", " + r.getField(1) + ", 0]");
            }
        }
        out.sort(null);
        return out;
    }

    /** Applies a +I/-D changelog to a multiset, failing on a retraction of a row that is not there. */
    static List<String> materialize(List<Row> changelog) {
        List<String> table = new ArrayList<>();
        for (Row r : changelog) {
            String text = r.toString().substring(2);
            if (r.getKind().isAccumulate()) {
                table.add(text);
            } else if (!table.remove(text)) {
                throw new AssertionError("retraction of a row that is not there: " + r);
            }
        }
        table.sort(null);
        return table;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldApplyTheResidualConditionAndPadOuterRowsWithoutMatch(String backend) throws Exception {
        JoinCondition leftSmaller = (l, r) -> (Long) l.getField(1) < (Long) r.getField(1);
        try (OperatorHarness h = harness(join(JoinType.LEFT, "none", leftSmaller, StateTtlConfig.DISABLED), backend, false)) {
            h.processElement(1, ins("a", 5)).processElement(0, ins("a", 7)).processElement(0, ins("a", 3));
            assertEquals(List.of("+I[a, 7, 0, null, null, null]", "+I[a, 3, 0, a, 5, 0]"), strings(h.rows()));
            h.processElement(1, ins("a", 9));
            assertEquals(sorted("-D[a, 7, 0, null, null, null]", "+I[a, 7, 0, a, 9, 0]", "+I[a, 3, 0, a, 9, 0]"),
                sorted(h.rows().subList(2, h.rows().size())));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenJoinKeyIsNull_thenRowMatchesNothingButOuterRowIsEmitted(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.LEFT), backend, false)) {
            h.processElement(1, Row.of(null, 1L, 0L)).processElement(0, Row.of(null, 2L, 0L))
                .processElement(0, Row.ofKind(RowKind.DELETE, null, 2L, 0L));
            assertEquals(List.of("+I[null, 2, 0, null, null, null]", "-D[null, 2, 0, null, null, null]"),
                strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldContinueAfterRestoreIntoAFreshOperatorInTheMiddleOfAnOuterJoin(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = harness(join(JoinType.FULL), backend, false)) {
            h.processElement(0, ins("a", 1)).processElement(1, ins("b", 2)).processElement(1, ins("a", 3));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(join(JoinType.FULL)).stateBackend(backend).restoreFrom(snapshot).open()) {
            h.processElement(1, del("a", 3)).processElement(0, ins("b", 4));
            assertEquals(List.of("-D[a, 1, 0, a, 3, 0]", "+I[a, 1, 0, null, null, null]",
                "-D[null, null, null, b, 2, 0]", "+I[b, 4, 0, b, 2, 0]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenStateTtlExpires_thenOldRowsNoLongerJoin(String backend) throws Exception {
        OperatorFactory f = join(JoinType.INNER, "none", null, StateTtlConfig.of(Duration.ofMillis(1000)));
        try (OperatorHarness h = harness(f, backend, false)) {
            h.processElement(0, ins("a", 1)).processElement(1, ins("a", 2));
            assertEquals(List.of("+I[a, 1, 0, a, 2, 0]"), strings(h.rows()));
            Thread.sleep(1300); // TTL runs on the wall clock; long enough for a loaded machine
            h.processElement(1, ins("a", 3)).processElement(0, ins("a", 4));
            assertEquals(List.of("+I[a, 4, 0, a, 3, 0]"), since(h, 1));
        }
    }
}
