package io.weir.runtime.operators.sql.join;

import static io.weir.runtime.operators.sql.join.JoinTesting.INPUT_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.KEY_TYPE;
import static io.weir.runtime.operators.sql.join.JoinTesting.UTC;
import static io.weir.runtime.operators.sql.join.JoinTesting.del;
import static io.weir.runtime.operators.sql.join.JoinTesting.harness;
import static io.weir.runtime.operators.sql.join.JoinTesting.ins;
import static io.weir.runtime.operators.sql.join.JoinTesting.since;
import static io.weir.runtime.operators.sql.join.JoinTesting.sorted;
import static io.weir.runtime.operators.sql.join.JoinTesting.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpoint.state.KeyGroupRangeAssignment;
import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The append-only layout ({@link JoinInputSpec#appendOnly()}) of insert-only join sides: the same
 * output as the counted layout, through snapshots, restores and rescaling, on both backends.
 */
class StreamingJoinAppendOnlyTest {
    private static final JoinCondition LEFT_SMALLER = (l, r) -> (Long) l.getField(1) < (Long) r.getField(1);

    static Stream<Arguments> backendsAndJoinTypes() {
        List<Arguments> out = new ArrayList<>();
        for (String b : List.of("hashmap", "rocksdb")) {
            for (JoinType t : List.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT)) {
                out.add(Arguments.of(b, t));
            }
        }
        return out.stream();
    }

    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    /** Append-only on every side the join type does not preserve, counted on the others (or everywhere when {@code counted}). */
    private static OperatorFactory join(JoinType type, boolean counted, JoinCondition condition, StateTtlConfig ttl) {
        JoinInputSpec left = counted || type.isLeftOuter() ? JoinInputSpec.noUniqueKey() : JoinInputSpec.appendOnly();
        JoinInputSpec right = counted || type.isRightOuter() ? JoinInputSpec.noUniqueKey() : JoinInputSpec.appendOnly();
        return OperatorFactory.keyed("join", "join-uid",
            () -> new StreamingJoinOperator(type, INPUT_TYPE, INPUT_TYPE, left, right, () -> condition, true, ttl, UTC),
            KEY_TYPE, KeySelector.ofFields(0), KeySelector.ofFields(0));
    }

    /** Insert-only rows on random sides with many duplicates (few keys, few values), some NULL keys. */
    private static List<int[]> randomInput(long seed, int n) {
        Random random = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new int[] {random.nextInt(2), random.nextInt(6), random.nextInt(4)});
        }
        return out;
    }

    private static Row rowOf(int[] step) {
        return ins(step[1] == 5 ? null : "k" + step[1], step[2]);
    }

    private static void feed(OperatorHarness h, List<int[]> steps) throws Exception {
        for (int[] s : steps) {
            h.processElement(s[0], rowOf(s));
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndJoinTypes")
    void whenInputHasDuplicates_thenOutputEqualsTheCountedLayout(String backend, JoinType type) throws Exception {
        List<int[]> input = randomInput(7, 200);
        for (JoinCondition condition : new JoinCondition[] {null, LEFT_SMALLER}) {
            List<String> expected;
            try (OperatorHarness h = harness(join(type, true, condition, StateTtlConfig.DISABLED), backend, false)) {
                feed(h, input);
                expected = sorted(h.rows());
            }
            try (OperatorHarness h = harness(join(type, false, condition, StateTtlConfig.DISABLED), backend, false)) {
                feed(h, input);
                assertEquals(expected, sorted(h.rows()), type + ", condition " + (condition != null));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndJoinTypes")
    void whenRestoredIntoAFreshOperatorMidJoin_thenOutputEqualsAnUninterruptedRun(String backend, JoinType type)
        throws Exception {
        List<int[]> input = randomInput(11, 120);
        OperatorFactory f = join(type, false, null, StateTtlConfig.DISABLED);
        List<String> uninterrupted;
        try (OperatorHarness h = harness(f, backend, false)) {
            feed(h, input);
            uninterrupted = strings(h.rows());
        }
        OperatorRestoreState snapshot;
        List<String> out;
        try (OperatorHarness h = harness(f, backend, false)) {
            feed(h, input.subList(0, 60));
            snapshot = h.snapshot();
            out = strings(h.rows());
        }
        try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).restoreFrom(snapshot).open()) {
            feed(h, input.subList(60, input.size()));
            out.addAll(strings(h.rows()));
        }
        assertEquals(uninterrupted, out);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenSnapshotRestoredAtEveryStep_thenOutputIsUnchanged(String backend) throws Exception {
        List<int[]> input = randomInput(3, backend.equals("hashmap") ? 80 : 30);
        OperatorFactory f = join(JoinType.INNER, false, null, StateTtlConfig.DISABLED);
        List<String> plain;
        try (OperatorHarness h = harness(f, backend, false)) {
            feed(h, input);
            plain = strings(h.rows());
        }
        try (OperatorHarness h = harness(f, backend, true)) {
            feed(h, input);
            assertEquals(plain, strings(h.rows()));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenRescaledFromOneToTwoSubtasks_thenEachKeyContinuesWithItsRows(String backend) throws Exception {
        List<int[]> input = randomInput(5, 160);
        OperatorFactory f = join(JoinType.LEFT, false, null, StateTtlConfig.DISABLED);
        List<String> expectedTail;
        try (OperatorHarness h = harness(f, backend, false)) {
            feed(h, input.subList(0, 80));
            int from = h.rows().size();
            feed(h, input.subList(80, input.size()));
            expectedTail = sorted(h.rows().subList(from, h.rows().size()));
        }
        OperatorRestoreState state;
        try (OperatorHarness h = harness(f, backend, false)) {
            feed(h, input.subList(0, 80));
            state = h.snapshot();
        }
        List<OperatorRestoreState> split = OperatorRestoreState.redistribute(List.of(state), 128, 2);
        List<Row> tail = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            try (OperatorHarness h = OperatorHarness.builder(f).stateBackend(backend).subtask(s, 2, 128)
                .restoreFrom(split.get(s)).open()) {
                for (int[] step : input.subList(80, input.size())) {
                    Row row = rowOf(step);
                    int kg = KeyGroupRangeAssignment.assignToKeyGroup(Row.of(row.getField(0)), 128);
                    if (h.chainedOperator().keyGroupRange().contains(kg)) {
                        h.processElement(step[0], row);
                    }
                }
                tail.addAll(h.rows());
            }
        }
        assertEquals(expectedTail, sorted(tail));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenAppendOnlySideReceivesARetraction_thenItFailsLoudly(String backend) throws Exception {
        try (OperatorHarness h = harness(join(JoinType.INNER, false, null, StateTtlConfig.DISABLED), backend, false)) {
            h.processElement(0, ins("a", 1)).processElement(1, ins("a", 2));
            Throwable e = assertThrows(Exception.class, () -> h.processElement(0, del("a", 1)));
            while (!(e instanceof IllegalStateException) && e.getCause() != null) {
                e = e.getCause();
            }
            assertTrue(e instanceof IllegalStateException && e.getMessage().contains("append-only"), e.toString());
        }
    }

    @Test
    void whenAppendOnlySideIsPreservedByTheJoin_thenTheOperatorIsRejected() {
        JoinInputSpec append = JoinInputSpec.appendOnly();
        JoinInputSpec counted = JoinInputSpec.noUniqueKey();
        assertThrows(IllegalArgumentException.class, () -> new StreamingJoinOperator(JoinType.LEFT, INPUT_TYPE,
            INPUT_TYPE, append, counted, () -> null, true, StateTtlConfig.DISABLED, UTC));
        assertThrows(IllegalArgumentException.class, () -> new StreamingJoinOperator(JoinType.FULL, INPUT_TYPE,
            INPUT_TYPE, counted, append, () -> null, true, StateTtlConfig.DISABLED, UTC));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void whenStateTtlExpires_thenOldAppendedRowsNoLongerJoin(String backend) throws Exception {
        OperatorFactory f = join(JoinType.INNER, false, null, StateTtlConfig.of(Duration.ofMillis(1000)));
        try (OperatorHarness h = harness(f, backend, false)) {
            h.processElement(0, ins("a", 1)).processElement(0, ins("a", 1)).processElement(1, ins("a", 2));
            assertEquals(List.of("+I[a, 1, 0, a, 2, 0]", "+I[a, 1, 0, a, 2, 0]"), strings(h.rows()));
            Thread.sleep(1300); // TTL runs on the wall clock; long enough for a loaded machine
            h.processElement(1, ins("a", 3)).processElement(0, ins("a", 4));
            assertEquals(List.of("+I[a, 4, 0, a, 3, 0]"), since(h, 2));
        }
    }
}
