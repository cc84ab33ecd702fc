package io.weir.codegen.expr;

import io.weir.codegen.JavaClassWriter;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.generated.RecordComparator;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** Generates {@link KeyProjection}s (key selectors) and {@link RecordComparator}s. */
public final class KeyCodeGenerator {
    private static final String ROW = "io.weir.runtime.data.Row";

    private KeyCodeGenerator() {
    }

    /** A key selector picking the fields at {@code keyFields}, in that order. */
    public static GeneratedClass<KeyProjection> keyProjection(int[] keyFields) {
        StringBuilder sb = new StringBuilder();
        sb.append("public ").append(ROW).append(" getKey(").append(ROW).append(" row) {\n");
        sb.append("  final Object[] in = row.fields();\n");
        sb.append("  return new ").append(ROW).append("(io.weir.runtime.data.RowKind.INSERT, new Object[] {");
        for (int i = 0; i < keyFields.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("in[").append(keyFields[i]).append(']');
        }
        sb.append("});\n}");
        return new JavaClassWriter("KeyProjection", KeyProjection.class).method(sb.toString()).build(new Object[0]);
    }

    /** One sort key: a field, its direction and where NULLs go. */
    public static final class SortKey {
        final int field;
        final boolean ascending;
        final boolean nullsFirst;

        public SortKey(int field, boolean ascending, boolean nullsFirst) {
            this.field = field;
            this.ascending = ascending;
            this.nullsFirst = nullsFirst;
        }

        /** Flink's default null placement: NULLS FIRST for ASC, NULLS LAST for DESC. */
        public static SortKey of(int field, boolean ascending) {
            return new SortKey(field, ascending, ascending);
        }
    }

    /** A comparator for a Calcite collation; unspecified null placement follows Flink's default. */
    public static GeneratedClass<RecordComparator> comparator(RelDataType rowType, RelCollation collation) {
        List<RelFieldCollation> fcs = collation.getFieldCollations();
        SortKey[] keys = new SortKey[fcs.size()];
        for (int i = 0; i < keys.length; i++) {
            RelFieldCollation fc = fcs.get(i);
            boolean asc = !fc.direction.isDescending();
            boolean nullsFirst;
            switch (fc.nullDirection) {
                case FIRST: nullsFirst = true; break;
                case LAST: nullsFirst = false; break;
                default: nullsFirst = asc;
            }
            keys[i] = new SortKey(fc.getFieldIndex(), asc, nullsFirst);
        }
        return comparator(rowType, keys);
    }

    /** A comparator over the given sort keys of rows of {@code rowType}. */
    public static GeneratedClass<RecordComparator> comparator(RelDataType rowType, SortKey... keys) {
        StringBuilder sb = new StringBuilder();
        sb.append("public int compare(").append(ROW).append(" a, ").append(ROW).append(" b) {\n");
        sb.append("  final Object[] l = a.fields();\n  final Object[] r = b.fields();\n");
        for (SortKey k : keys) {
            String x = "l[" + k.field + "]";
            String y = "r[" + k.field + "]";
            sb.append("  if (").append(x).append(" == null) {\n");
            sb.append("    if (").append(y).append(" != null) return ").append(k.nullsFirst ? -1 : 1).append(";\n");
            sb.append("  } else if (").append(y).append(" == null) {\n");
            sb.append("    return ").append(k.nullsFirst ? 1 : -1).append(";\n");
            sb.append("  } else {\n");
            sb.append("    final int c = ").append(compare(rowType.getFieldList().get(k.field).getType(), x, y))
                .append(";\n");
            sb.append("    if (c != 0) return ").append(k.ascending ? "c" : "-c").append(";\n");
            sb.append("  }\n");
        }
        sb.append("  return 0;\n}");
        return new JavaClassWriter("Comparator", RecordComparator.class).method(sb.toString()).build(new Object[0]);
    }

    private static String compare(RelDataType type, String x, String y) {
        SqlTypeName t = type.getSqlTypeName();
        switch (t) {
            case TINYINT: return "Byte.compare(((Byte) " + x + ").byteValue(), ((Byte) " + y + ").byteValue())";
            case SMALLINT: return "Short.compare(((Short) " + x + ").shortValue(), ((Short) " + y + ").shortValue())";
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_MONTH:
                return "Integer.compare(((Integer) " + x + ").intValue(), ((Integer) " + y + ").intValue())";
            case BIGINT:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return "Long.compare(((Long) " + x + ").longValue(), ((Long) " + y + ").longValue())";
            case FLOAT:
            case REAL:
                return "Float.compare(((Number) " + x + ").floatValue(), ((Number) " + y + ").floatValue())";
            case DOUBLE:
                return "Double.compare(((Double) " + x + ").doubleValue(), ((Double) " + y + ").doubleValue())";
            case BOOLEAN:
                return "Boolean.compare(((Boolean) " + x + ").booleanValue(), ((Boolean) " + y + ").booleanValue())";
            case CHAR:
            case VARCHAR:
                return "((String) " + x + ").compareTo((String) " + y + ")";
            case BINARY:
            case VARBINARY:
                return "java.util.Arrays.compareUnsigned((byte[]) " + x + ", (byte[]) " + y + ")";
            default:
                if (SqlTypeName.INTERVAL_TYPES.contains(t)) {
                    return "Long.compare(((Long) " + x + ").longValue(), ((Long) " + y + ").longValue())";
                }
                return "((Comparable) " + x + ").compareTo(" + y + ")";
        }
    }
}
