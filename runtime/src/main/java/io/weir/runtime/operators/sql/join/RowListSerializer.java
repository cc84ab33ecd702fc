package io.weir.runtime.operators.sql.join;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.data.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serializes a {@code List<Row>} (the rows buffered under one timestamp or window) as a count
 * followed by the rows in their serializer's form. Lists are copied element by element, so a
 * copy-on-write backend may hand them out safely.
 */
public final class RowListSerializer implements TypeSerializer<List<Row>> {
    private final TypeSerializer<Row> rowSerializer;

    public RowListSerializer(TypeSerializer<Row> rowSerializer) {
        this.rowSerializer = Objects.requireNonNull(rowSerializer, "rowSerializer");
    }

    @Override
    public String snapshotIdentity() {
        return "List<" + rowSerializer.snapshotIdentity() + ">";
    }

    @Override
    public void serialize(List<Row> rows, DataOutputView out) throws IOException {
        out.writeInt(rows.size());
        for (Row r : rows) {
            rowSerializer.serialize(r, out);
        }
    }

    @Override
    public List<Row> deserialize(DataInputView in) throws IOException {
        int n = in.readInt();
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(rowSerializer.deserialize(in));
        }
        return rows;
    }

    @Override
    public List<Row> copy(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows.size());
        for (Row r : rows) {
            copy.add(rowSerializer.copy(r));
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowListSerializer && rowSerializer.equals(((RowListSerializer) o).rowSerializer);
    }

    @Override
    public int hashCode() {
        return rowSerializer.hashCode() * 31;
    }
}
