package io.weir.runtime.operators.sql.join;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.testutils.OperatorHarness;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Fixtures of the join tests: inputs {@code (k STRING, v BIGINT, ts BIGINT)} on both sides, keyed by {@code k}. */
final class JoinTesting {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final RowType KEY_TYPE = RowType.of(new String[] {"k"}, new DataType[] {DataType.string()});
    static final RowType INPUT_TYPE = RowType.of(new String[] {"k", "v", "ts"},
        new DataType[] {DataType.string(), DataType.bigint(), DataType.bigint()});

    private JoinTesting() {
    }

    static Row row(RowKind kind, String k, long v) {
        return Row.ofKind(kind, k, v, 0L);
    }

    static Row ins(String k, long v) {
        return Row.ofKind(RowKind.INSERT, k, v, 0L);
    }

    static Row del(String k, long v) {
        return Row.ofKind(RowKind.DELETE, k, v, 0L);
    }

    static Row at(String k, long v, long ts) {
        return Row.ofKind(RowKind.INSERT, k, v, ts);
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

    /** The rows as text, sorted (for outputs whose order within one step depends on the backend). */
    static List<String> sorted(List<Row> rows) {
        List<String> out = strings(rows);
        Collections.sort(out);
        return out;
    }

    static List<String> sorted(String... rows) {
        List<String> out = new ArrayList<>(List.of(rows));
        Collections.sort(out);
        return out;
    }

    /** Output produced since {@code from}, as text. */
    static List<String> since(OperatorHarness h, int from) {
        return strings(h.rows().subList(from, h.rows().size()));
    }
}
