package io.weir.runtime.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.data.Row;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The harness itself: keyed state survives snapshot → restore into a fresh instance, on every backend. */
class OperatorHarnessTest {
    private static final RowType KEY = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});

    private static OperatorFactory counter() {
        return OperatorFactory.keyed("count", "count", TestOperators.CountPerKey::new, KEY, KeySelector.ofFields(0));
    }

    private static List<Row> run(OperatorHarness h) throws Exception {
        for (int i = 0; i < 20; i++) {
            h.processElement(Row.of("k" + (i % 3), i));
        }
        return new ArrayList<>(h.rows());
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.testutils.Backends#all")
    void shouldProduceTheSameOutputWhenRestoredAtEveryStep(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        List<Row> plain;
        try (OperatorHarness h = OperatorHarness.builder(counter()).stateBackend(backend).open()) {
            plain = run(h);
        }
        try (OperatorHarness h = OperatorHarness.builder(counter()).stateBackend(backend).snapshotRestoreAtEveryStep().open()) {
            assertEquals(plain, run(h));
        }
        assertEquals(Row.of("k1", 7L), plain.get(19));
    }

    @ParameterizedTest
    @MethodSource("io.weir.runtime.testutils.Backends#all")
    void shouldSplitKeyedStateOnRestoreAtHigherParallelism(String backend) throws Exception {
        Backends.assumeAvailable(backend);
        OperatorRestoreState state;
        try (OperatorHarness h = OperatorHarness.builder(counter()).stateBackend(backend).open()) {
            run(h);
            state = h.snapshot();
        }
        List<Row> next = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            try (OperatorHarness h = OperatorHarness.builder(counter()).stateBackend(backend).subtask(s, 2, 128)
                .restoreFrom(state).open()) {
                for (int k = 0; k < 3; k++) {
                    Row key = Row.of("k" + k);
                    int kg = io.weir.checkpoint.state.KeyGroupRangeAssignment.assignToKeyGroup(key, 128);
                    if (h.chainedOperator().keyGroupRange().contains(kg)) {
                        h.processElement(Row.of("k" + k, 0));
                    }
                }
                next.addAll(h.rows());
            }
        }
        next.sort((a, b) -> a.getField(0).toString().compareTo(b.getField(0).toString()));
        assertEquals(List.of(Row.of("k0", 8L), Row.of("k1", 8L), Row.of("k2", 7L)), next);
    }
}
