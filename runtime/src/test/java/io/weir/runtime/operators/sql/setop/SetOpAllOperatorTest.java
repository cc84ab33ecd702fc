package io.weir.runtime.operators.sql.setop;

import io.weir.checkpoint.state.StateTtlConfig;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.tasks.OperatorRestoreState;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SetOpAllOperatorTest {
    private static final RowType TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});

    private static OperatorFactory factory(boolean intersect) {
        return SetOpAllOperator.factory("s", "s", intersect, TYPE, StateTtlConfig.DISABLED);
    }

    private static Row left(RowKind kind, String k) {
        return Row.ofKind(kind, k, 0);
    }

    private static Row right(RowKind kind, String k) {
        return Row.ofKind(kind, k, 1);
    }

    private static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void shouldKeepTheSmallerCountForIntersectAll(String backend) throws Exception {
        try (OperatorHarness h = OperatorHarness.builder(factory(true)).stateBackend(backend)
            .snapshotRestoreAtEveryStep().open()) {
            h.processElement(left(RowKind.INSERT, "a")).processElement(left(RowKind.INSERT, "a"))
                .processElement(right(RowKind.INSERT, "a")).processElement(right(RowKind.INSERT, "a"))
                .processElement(right(RowKind.INSERT, "a")).processElement(left(RowKind.UPDATE_BEFORE, "a"))
                .processElement(right(RowKind.INSERT, "b"));
            assertEquals(List.of("+I[a]", "+I[a]", "-D[a]"), strings(h.rows()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void shouldFollowRetractionsForExceptAll(String backend) throws Exception {
        OperatorRestoreState snapshot;
        try (OperatorHarness h = OperatorHarness.builder(factory(false)).stateBackend(backend).open()) {
            h.processElement(left(RowKind.INSERT, "a")).processElement(left(RowKind.INSERT, "a"))
                .processElement(right(RowKind.INSERT, "a"));
            assertEquals(List.of("+I[a]", "+I[a]", "-D[a]"), strings(h.rows()));
            snapshot = h.snapshot();
        }
        try (OperatorHarness h = OperatorHarness.builder(factory(false)).stateBackend(backend).restoreFrom(snapshot)
            .open()) {
            // after the restore: 2 left, 1 right; the right copy goes, a left one comes back
            h.processElement(right(RowKind.DELETE, "a")).processElement(left(RowKind.DELETE, "a"))
                .processElement(left(RowKind.DELETE, "a"));
            assertEquals(List.of("+I[a]", "-D[a]", "-D[a]"), strings(h.rows()));
        }
    }
}
