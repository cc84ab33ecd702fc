package io.weir.connectors.generator;

import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

/** Some columns of another generator's rows, in a given order. */
final class ProjectedGenerator implements RowGenerator {
    private final RowGenerator inner;
    private final int[] fields;
    private final RowType rowType;

    ProjectedGenerator(RowGenerator inner, int[] fields) {
        this.inner = inner;
        this.fields = fields.clone();
        this.rowType = inner.rowType().project(fields);
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public Row generate(long index, long anchorMillis) {
        Row full = inner.generate(index, anchorMillis);
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = full.getField(fields[i]);
        }
        return Row.ofKind(full.getKind(), values);
    }

    @Override
    public long totalRows() {
        return inner.totalRows();
    }

    @Override
    public double rowsPerSecond() {
        return inner.rowsPerSecond();
    }
}
