package io.weir.runtime.operators.sql.join;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;

/** Builds output rows of joins: {@code left ++ right}, with a NULL-padded side for unmatched outer rows. */
final class JoinedRows {
    private final int leftArity;
    private final int rightArity;

    JoinedRows(int leftArity, int rightArity) {
        this.leftArity = leftArity;
        this.rightArity = rightArity;
    }

    /** A new row of {@code kind}: {@code left ++ right}; a null side is padded with NULLs. */
    Row join(RowKind kind, Row left, Row right) {
        Object[] fields = new Object[leftArity + rightArity];
        if (left != null) {
            System.arraycopy(left.fields(), 0, fields, 0, leftArity);
        }
        if (right != null) {
            System.arraycopy(right.fields(), 0, fields, leftArity, rightArity);
        }
        return new Row(kind, fields);
    }

    /** {@code row} on side {@code isLeft} joined with {@code other} on the other side. */
    Row joinSided(RowKind kind, Row row, Row other, boolean isLeft) {
        return isLeft ? join(kind, row, other) : join(kind, other, row);
    }
}
