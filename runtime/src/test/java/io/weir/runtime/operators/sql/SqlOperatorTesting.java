package io.weir.runtime.operators.sql;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Shared fixtures of the SQL operator tests: backends, input rows {@code (k STRING, x BIGINT, ts BIGINT)}. */
final class SqlOperatorTesting {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});

    private SqlOperatorTesting() {
    }

    /** The state backends every stateful operator test runs on. */
    static Stream<String> backends() {
        return Stream.of("hashmap", "rocksdb");
    }

    static Row row(RowKind kind, String k, Long x, long ts) {
        return Row.ofKind(kind, k, x, ts);
    }

    static Row insert(String k, long x) {
        return Row.ofKind(RowKind.INSERT, k, x, 0L);
    }

    static Row at(String k, long x, long ts) {
        return Row.ofKind(RowKind.INSERT, k, x, ts);
    }

    static OperatorFactory keyedByK(Supplier<? extends StreamOperator> operator) {
        return OperatorFactory.keyed("op", "op-uid", operator, KEY_TYPE, KeySelector.ofFields(0));
    }

    static OperatorHarness harness(OperatorFactory factory, String backend, boolean restoreEveryStep) throws Exception {
        OperatorHarness.Builder b = OperatorHarness.builder(factory).stateBackend(backend);
        if (restoreEveryStep) {
            b.snapshotRestoreAtEveryStep();
        }
        return b.open();
    }

    static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.toString());
        }
        return out;
    }
}
