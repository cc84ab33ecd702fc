package io.weir.runtime.serialization;

import io.weir.checkpoint.serialization.DataInputView;
import io.weir.checkpoint.serialization.DataOutputView;
import io.weir.checkpoint.serialization.TypeSerializer;
import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.types.RowType;
import java.io.IOException;

/**
 * The compact binary form of rows of one {@link RowType}: the row kind (1 byte), a null bitmap
 * ({@code ceil(arity / 8)} bytes, bit set = null), then each non-null field in its type's form
 * (strings and bytes length-prefixed, nested rows recursively, arrays and maps with per-element
 * null flags). Stateless and thread-safe.
 *
 * <p>Maintenance notes: this interpreted serializer is the reference; {@code codegen/} may
 * generate faster ones, which must write exactly these bytes (state written by one must be read
 * by the other).
 */
public final class RowSerializer implements TypeSerializer<Row> {
    private final RowType rowType;
    private final TypeSerializer<Object>[] fields;

    @SuppressWarnings("unchecked")
    public RowSerializer(RowType rowType) {
        this.rowType = rowType;
        this.fields = new TypeSerializer[rowType.arity()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = ValueSerializers.forType(rowType.fieldType(i));
        }
    }

    public RowType rowType() {
        return rowType;
    }

    /**
     * The field types in order (top-level nullability and field names left out: neither changes the
     * bytes), so state written for one row type is not restored as another.
     */
    @Override
    public String snapshotIdentity() {
        StringBuilder sb = new StringBuilder("Row<");
        for (int i = 0; i < rowType.arity(); i++) {
            sb.append(i == 0 ? "" : ", ").append(rowType.fieldType(i).nullable(true));
        }
        return sb.append('>').toString();
    }

    @Override
    public void serialize(Row row, DataOutputView out) throws IOException {
        if (row.arity() != fields.length) {
            throw new IOException("row " + row + " has " + row.arity() + " fields, its type " + rowType + " has " + fields.length);
        }
        out.writeByte(row.getKind().toByteValue());
        writeNullBits(row, out);
        for (int i = 0; i < fields.length; i++) {
            Object v = row.getField(i);
            if (v != null) {
                serializeField(i, v, out);
            }
        }
    }

    private void serializeField(int i, Object v, DataOutputView out) throws IOException {
        try {
            fields[i].serialize(v, out);
        } catch (ClassCastException e) {
            throw new IOException("field '" + rowType.fieldName(i) + "' of type " + rowType.fieldType(i)
                + " holds a " + v.getClass().getName() + ": " + v, e);
        }
    }

    private void writeNullBits(Row row, DataOutputView out) throws IOException {
        for (int start = 0; start < fields.length; start += 8) {
            int bits = 0;
            for (int b = 0; b < 8 && start + b < fields.length; b++) {
                if (row.isNullAt(start + b)) {
                    bits |= 1 << b;
                }
            }
            out.writeByte(bits);
        }
    }

    @Override
    public Row deserialize(DataInputView in) throws IOException {
        RowKind kind = RowKind.fromByteValue(in.readByte());
        Object[] values = new Object[fields.length];
        byte[] nullBits = new byte[(fields.length + 7) / 8];
        in.readFully(nullBits);
        for (int i = 0; i < fields.length; i++) {
            if ((nullBits[i >> 3] & (1 << (i & 7))) == 0) {
                values[i] = fields[i].deserialize(in);
            }
        }
        return new Row(kind, values);
    }

    @Override
    public Row copy(Row row) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object v = row.getField(i);
            values[i] = v == null ? null : fields[i].copy(v);
        }
        return new Row(row.getKind(), values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowSerializer && rowType.equals(((RowSerializer) o).rowType);
    }

    @Override
    public int hashCode() {
        return rowType.hashCode();
    }
}
