package io.weir.connectors.print;

import io.weir.connectors.format.TimeFormats;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints rows the way Flink's print connector shows them: {@code +I[1, 2015-07-15T00:00:00.123, abc]}
 * (timestamps as ISO local date-times, dates as {@code yyyy-MM-dd}, nested rows in parentheses).
 */
public final class RowPrinter {
    private final RowType rowType;

    public RowPrinter(RowType rowType) {
        this.rowType = rowType;
    }

    /** Appends {@code <kind>[v1, v2, ...]}. */
    public StringBuilder append(StringBuilder sb, Row row) {
        sb.append(row.getKind().shortString()).append('[');
        fields(sb, rowType, row);
        return sb.append(']');
    }

    private static void fields(StringBuilder sb, RowType type, Row row) {
        for (int i = 0; i < row.arity(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            value(sb, i < type.arity() ? type.fieldType(i) : null, row.getField(i));
        }
    }

    private static void value(StringBuilder sb, DataType t, Object v) {
        if (v == null) {
            sb.append("null");
            return;
        }
        if (t == null) {
            sb.append(v);
            return;
        }
        switch (t.root()) {
            case DATE: TimeFormats.appendDate(sb, (Integer) v); break;
            case TIME: TimeFormats.appendTime(sb, (Integer) v, t.precision()); break;
            case TIMESTAMP: TimeFormats.appendTimestamp(sb, (Long) v, true, t.precision()); break;
            case TIMESTAMP_LTZ: TimeFormats.appendTimestamp(sb, (Long) v, true, t.precision()).append('Z'); break;
            case DECIMAL: sb.append(((BigDecimal) v).toPlainString()); break;
            case BINARY:
            case VARBINARY: sb.append(Arrays.toString((byte[]) v)); break;
            case ARRAY: {
                sb.append('[');
                List<?> list = (List<?>) v;
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    value(sb, t.elementType(), list.get(i));
                }
                sb.append(']');
                break;
            }
            case MAP: {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    value(sb, t.keyType(), e.getKey());
                    sb.append('=');
                    value(sb, t.valueType(), e.getValue());
                }
                sb.append('}');
                break;
            }
            case ROW: {
                sb.append('(');
                fields(sb, t.rowType(), (Row) v);
                sb.append(')');
                break;
            }
            default: sb.append(v);
        }
    }
}
