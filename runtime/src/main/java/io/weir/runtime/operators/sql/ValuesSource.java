package io.weir.runtime.operators.sql;

import io.weir.checkpoint.serialization.LongSerializer;
import io.weir.checkpoint.state.ListState;
import io.weir.checkpoint.state.ListStateDescriptor;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.operators.StateInitialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code VALUES (...), (...)}: emits constant rows as inserts, then ends. Only subtask 0 emits (the
 * planner runs it at parallelism 1). The number of rows emitted is kept in operator state, so a
 * restore continues after the last row emitted before the checkpoint instead of repeating rows.
 */
public final class ValuesSource implements SourceOperator {
    private static final int ROWS_PER_CALL = 256;

    private final List<Row> rows;
    private OperatorContext context;
    private ListState<Long> positionState;
    private int next;

    /** @param rows the rows in internal representation (DESIGN.md 2); emitted as copies of kind +I */
    public ValuesSource(List<Row> rows) {
        this.rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    public static OperatorFactory factory(String name, String uid, List<Row> rows) {
        List<Row> copy = List.copyOf(rows);
        return OperatorFactory.of(name, uid, () -> new ValuesSource(copy));
    }

    @Override
    public void open(OperatorContext context) throws Exception {
        this.context = context;
        this.positionState = context.operatorStateBackend().getUnionListState(
            new ListStateDescriptor<>("values-position", LongSerializer.INSTANCE));
    }

    @Override
    public void initializeState(StateInitialization initialization) throws Exception {
        long position = 0;
        for (Long p : positionState.get()) {
            position = Math.max(position, p);
        }
        next = (int) position;
        if (context.subtaskIndex() != 0) {
            next = rows.size();
        }
    }

    @Override
    public Status emitNext() {
        int end = Math.min(rows.size(), next + ROWS_PER_CALL);
        for (; next < end; next++) {
            Row r = rows.get(next);
            context.output().collect(new Row(RowKind.INSERT, r.fields().clone()));
        }
        return next < rows.size() ? Status.MORE_AVAILABLE : Status.END_OF_INPUT;
    }

    @Override
    public void snapshotState(long checkpointId) throws Exception {
        List<Long> position = new ArrayList<>(1);
        if (context.subtaskIndex() == 0) {
            position.add((long) next);
        }
        positionState.update(position);
    }
}
