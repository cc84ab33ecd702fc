package io.weir.planner.types;

import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

/**
 * Prints a {@link DataType} in Flink's SQL spelling ({@code INT}, {@code STRING},
 * {@code TIMESTAMP_LTZ(3)}, {@code ROW<`a` INT, `b` STRING NOT NULL>}), which Weir's parser reads
 * back. Used by DESCRIBE and SHOW CREATE TABLE.
 */
public final class TypeFormatter {
    private TypeFormatter() {
    }

    /** The type with {@code NOT NULL} when it is not nullable. */
    public static String format(DataType type) {
        return formatIgnoringNullability(type) + (type.isNullable() ? "" : " NOT NULL");
    }

    /** The type without its own top-level nullability (nested types keep theirs). */
    public static String formatIgnoringNullability(DataType t) {
        switch (t.root()) {
            case INTEGER: return "INT";
            case ARRAY: return "ARRAY<" + format(t.elementType()) + ">";
            case MULTISET: return "MULTISET<" + format(t.elementType()) + ">";
            case MAP: return "MAP<" + format(t.keyType()) + ", " + format(t.valueType()) + ">";
            case ROW: return "ROW<" + fields(t.rowType()) + ">";
            case TIME: return "TIME(" + t.precision() + ")";
            default: return t.nullable(true).toString();
        }
    }

    private static String fields(RowType rowType) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rowType.arity(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quoteIdentifier(rowType.fieldName(i))).append(' ').append(format(rowType.fieldType(i)));
        }
        return sb.toString();
    }

    /** {@code name} in backticks, with backticks inside doubled. */
    public static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code text} as a SQL string literal, with quotes inside doubled. */
    public static String quoteString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
