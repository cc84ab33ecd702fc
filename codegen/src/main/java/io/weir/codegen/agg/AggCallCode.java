package io.weir.codegen.agg;

import io.weir.codegen.TypeConversions;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The Java code of one aggregate call inside a generated {@link io.weir.runtime.generated.AggsHandle}:
 * its accumulator fields (kept unboxed in fields of the generated class) and the bodies of
 * accumulate / retract / merge / getValue for one value {@code v} (already filtered, non-null and,
 * for DISTINCT, new). {@link AggsHandleCodeGenerator} wraps FILTER, null skipping and DISTINCT around it.
 */
final class AggCallCode {
    private static final String AF = "io.weir.codegen.runtime.AggFunctions";
    private static final String BD = "java.math.BigDecimal";
    private static final String HALF_UP = "java.math.RoundingMode.HALF_UP";

    /** Numeric accumulation class: long, double or BigDecimal. */
    private enum Num { L, D, B }

    /** One accumulator field: Java type, name, type in the accumulator row, initial value. */
    static final class AccField {
        final String javaType;
        final String name;
        final DataType type;
        final String init;

        AccField(String javaType, String name, DataType type, String init) {
            this.javaType = javaType;
            this.name = name;
            this.type = type;
            this.init = init;
        }

        /** The field as a value of the accumulator row. */
        String pack() {
            switch (javaType) {
                case "long": return "Long.valueOf(" + name + ")";
                case "double": return "Double.valueOf(" + name + ")";
                default: return name;
            }
        }

        /** An expression for this field from {@code o}, a value of an accumulator row. */
        String unpack(String o) {
            switch (javaType) {
                case "long": return "((Long) " + o + ").longValue()";
                case "double": return "((Double) " + o + ").doubleValue()";
                case "java.util.TreeMap": return AF + ".toTreeMap(" + o + ")";
                case "java.util.HashMap": return AF + ".toHashMap(" + o + ")";
                case "java.util.ArrayList": return AF + ".toArrayList(" + o + ")";
                default: return "(" + javaType + ") " + o;
            }
        }
    }

    final int index;
    final AggregateCall call;
    final SqlKind kind;
    final List<AccField> fields = new ArrayList<>();
    String accumulate;
    String retract;
    /** Merge body; {@code o(k)} placeholders were replaced by the caller's accessor of the other row. */
    String merge;
    String value;
    boolean retractable = true;

    private final RelDataType argType;
    private final boolean withRetraction;

    AggCallCode(int index, AggregateCall call, RelDataType inputType, boolean withRetraction) {
        this.index = index;
        this.call = call;
        this.kind = call.getAggregation().getKind();
        this.argType = call.getArgList().isEmpty() ? null
            : inputType.getFieldList().get(call.getArgList().get(0)).getType();
        this.withRetraction = withRetraction;
        build();
    }

    private String f(String suffix) {
        return "a" + index + "_" + suffix;
    }

    private AccField add(String javaType, String suffix, DataType type, String init) {
        AccField field = new AccField(javaType, f(suffix), type, init);
        fields.add(field);
        return field;
    }

    /** The merge source for field {@code k} of this call, as a placeholder the generator replaces. */
    private static String other(int k) {
        return "$OTHER" + k + "$";
    }

    private void build() {
        if (!call.getCollation().getFieldCollations().isEmpty()) {
            throw new UnsupportedOperationException("not supported yet: WITHIN GROUP (ORDER BY ...) in "
                + call.getAggregation().getName());
        }
        switch (kind) {
            case COUNT: count(); break;
            case SUM:
            case SUM0: sum(kind == SqlKind.SUM0); break;
            case AVG: avg(); break;
            case MIN:
            case MAX: minMax(kind == SqlKind.MIN); break;
            case FIRST_VALUE:
            case LAST_VALUE: firstLast(kind == SqlKind.FIRST_VALUE); break;
            case LISTAGG: listAgg(); break;
            case STDDEV_POP:
            case STDDEV_SAMP:
            case VAR_POP:
            case VAR_SAMP: variance(); break;
            default:
                throw new UnsupportedOperationException("not supported yet: aggregate function "
                    + call.getAggregation().getName());
        }
    }

    private void count() {
        AccField c = add("long", "count", DataType.bigint().notNull(), "0L");
        accumulate = c.name + "++;";
        retract = c.name + "--;";
        merge = c.name + " += " + c.unpack(other(0)) + ";";
        value = "return Long.valueOf(" + c.name + ");";
    }

    private Num num() {
        SqlTypeName t = argType.getSqlTypeName();
        if (SqlTypeName.INT_TYPES.contains(t)) {
            return Num.L;
        }
        if (t == SqlTypeName.DECIMAL) {
            return Num.B;
        }
        if (SqlTypeName.APPROX_TYPES.contains(t)) {
            return Num.D;
        }
        throw new UnsupportedOperationException("not supported yet: " + call.getAggregation().getName()
            + " of " + argType.getFullTypeString());
    }

    private AccField sumField(Num n) {
        switch (n) {
            case L: return add("long", "sum", DataType.bigint().notNull(), "0L");
            case D: return add("double", "sum", DataType.doubleType().notNull(), "0.0");
            default: return add(BD, "sum", DataType.decimal(38, argType.getScale()).notNull(), BD + ".ZERO");
        }
    }

    private static String read(Num n, String v) {
        switch (n) {
            case L: return "((Number) " + v + ").longValue()";
            case D: return "((Number) " + v + ").doubleValue()";
            default: return "((" + BD + ") " + v + ")";
        }
    }

    private static String plus(Num n, String acc, String x) {
        switch (n) {
            case L: return acc + " = Math.addExact(" + acc + ", " + x + ");";
            case D: return acc + " += " + x + ";";
            default: return acc + " = " + acc + ".add(" + x + ");";
        }
    }

    private static String minus(Num n, String acc, String x) {
        switch (n) {
            case L: return acc + " = Math.subtractExact(" + acc + ", " + x + ");";
            case D: return acc + " -= " + x + ";";
            default: return acc + " = " + acc + ".subtract(" + x + ");";
        }
    }

    private void sum(boolean zeroWhenEmpty) {
        Num n = num();
        AccField sum = sumField(n);
        AccField cnt = add("long", "n", DataType.bigint().notNull(), "0L");
        accumulate = plus(n, sum.name, read(n, "v")) + "\n" + cnt.name + "++;";
        retract = minus(n, sum.name, read(n, "v")) + "\n" + cnt.name + "--;";
        merge = plus(n, sum.name, sum.unpack(other(0))) + "\n" + cnt.name + " += " + cnt.unpack(other(1)) + ";";
        String result = convert(n, sum.name, call.getType());
        value = zeroWhenEmpty ? "return " + result + ";"
            : "return " + cnt.name + " == 0L ? null : " + result + ";";
    }

    private void avg() {
        Num n = num();
        AccField sum = sumField(n);
        AccField cnt = add("long", "n", DataType.bigint().notNull(), "0L");
        accumulate = plus(n, sum.name, read(n, "v")) + "\n" + cnt.name + "++;";
        retract = minus(n, sum.name, read(n, "v")) + "\n" + cnt.name + "--;";
        merge = plus(n, sum.name, sum.unpack(other(0))) + "\n" + cnt.name + " += " + cnt.unpack(other(1)) + ";";
        RelDataType result = call.getType();
        SqlTypeName rt = result.getSqlTypeName();
        String s = sum.name;
        String c = cnt.name;
        String avg;
        if (SqlTypeName.INT_TYPES.contains(rt)) {
            avg = n == Num.B ? convert(Num.B, s + ".divide(" + BD + ".valueOf(" + c + "), 0, java.math.RoundingMode.DOWN)", result)
                : convert(n, "(" + s + " / " + c + ")", result);
        } else if (rt == SqlTypeName.DECIMAL) {
            String big = n == Num.L ? BD + ".valueOf(" + s + ")" : n == Num.D ? BD + ".valueOf(" + s + ")" : s;
            avg = convert(Num.B, big + ".divide(" + BD + ".valueOf(" + c + "), " + result.getScale() + ", " + HALF_UP + ")",
                result);
        } else {
            String d = n == Num.B ? s + ".doubleValue()" : "(double) " + s;
            avg = convert(Num.D, "(" + d + " / " + c + ")", result);
        }
        value = "return " + c + " == 0L ? null : " + avg + ";";
    }

    private void minMax(boolean min) {
        SqlTypeName t = argType.getSqlTypeName();
        if (!(SqlTypeName.NUMERIC_TYPES.contains(t) || SqlTypeName.CHAR_TYPES.contains(t)
            || SqlTypeName.DATETIME_TYPES.contains(t) || SqlTypeName.INTERVAL_TYPES.contains(t)
            || t == SqlTypeName.BOOLEAN)) {
            throw new UnsupportedOperationException("not supported yet: " + call.getAggregation().getName()
                + " of " + argType.getFullTypeString());
        }
        DataType type = TypeConversions.toDataType(argType);
        if (withRetraction) {
            AccField m = add("java.util.TreeMap", "values",
                DataType.map(type.notNull(), DataType.bigint().notNull()).notNull(), "new java.util.TreeMap()");
            accumulate = AF + ".increment(" + m.name + ", v);";
            retract = AF + ".decrement(" + m.name + ", v);";
            merge = AF + ".mergeCounts(" + m.name + ", (java.util.Map) " + other(0) + ");";
            value = "return " + m.name + ".isEmpty() ? null : " + m.name + (min ? ".firstKey();" : ".lastKey();");
        } else {
            retractable = false;
            AccField m = add("Object", "value", type.nullable(true), "null");
            String better = "((Comparable) %s).compareTo(" + m.name + ") " + (min ? "<" : ">") + " 0";
            accumulate = "if (" + m.name + " == null || " + String.format(better, "v") + ") " + m.name + " = v;";
            retract = notRetractable();
            merge = "final Object ov = " + other(0) + ";\nif (ov != null && (" + m.name + " == null || "
                + String.format(better, "ov") + ")) " + m.name + " = ov;";
            value = "return " + m.name + ";";
        }
    }

    private void firstLast(boolean first) {
        DataType t = TypeConversions.toDataType(argType);
        if (withRetraction) {
            AccField l = add("java.util.ArrayList", "values", DataType.array(t.notNull()).notNull(),
                "new java.util.ArrayList()");
            accumulate = l.name + ".add(v);";
            retract = AF + (first ? ".removeFirst(" : ".removeLast(") + l.name + ", v);";
            merge = l.name + ".addAll((java.util.List) " + other(0) + ");";
            value = "return " + l.name + ".isEmpty() ? null : " + l.name
                + (first ? ".get(0);" : ".get(" + l.name + ".size() - 1);");
        } else {
            retractable = false;
            AccField m = add("Object", "value", t.nullable(true), "null");
            accumulate = first ? "if (" + m.name + " == null) " + m.name + " = v;" : m.name + " = v;";
            retract = notRetractable();
            merge = "final Object ov = " + other(0) + ";\nif (ov != null" + (first ? " && " + m.name + " == null" : "")
                + ") " + m.name + " = ov;";
            value = "return " + m.name + ";";
        }
    }

    private void listAgg() {
        AccField l = add("java.util.ArrayList", "values", DataType.array(DataType.string().notNull()).notNull(),
            "new java.util.ArrayList()");
        AccField sep = add("String", "separator", DataType.string(), "null");
        accumulate = l.name + ".add(v);";
        retract = AF + ".removeLast(" + l.name + ", v);";
        merge = l.name + ".addAll((java.util.List) " + other(0) + ");\nif (" + sep.name + " == null) " + sep.name
            + " = (String) " + other(1) + ";";
        value = "return " + AF + ".listAgg(" + l.name + ", " + sep.name + ");";
    }

    /** The field that LISTAGG's separator argument is stored in, or null. */
    String separatorField() {
        return kind == SqlKind.LISTAGG && call.getArgList().size() > 1 ? f("separator") : null;
    }

    private void variance() {
        AccField n = add("long", "n", DataType.bigint().notNull(), "0L");
        AccField s = add("double", "sum", DataType.doubleType().notNull(), "0.0");
        AccField q = add("double", "sumSq", DataType.doubleType().notNull(), "0.0");
        String x = "((Number) v).doubleValue()";
        accumulate = "final double x = " + x + ";\n" + n.name + "++;\n" + s.name + " += x;\n" + q.name + " += x * x;";
        retract = "final double x = " + x + ";\n" + n.name + "--;\n" + s.name + " -= x;\n" + q.name + " -= x * x;";
        merge = n.name + " += " + n.unpack(other(0)) + ";\n" + s.name + " += " + s.unpack(other(1)) + ";\n"
            + q.name + " += " + q.unpack(other(2)) + ";";
        boolean sample = kind == SqlKind.STDDEV_SAMP || kind == SqlKind.VAR_SAMP;
        boolean sqrt = kind == SqlKind.STDDEV_POP || kind == SqlKind.STDDEV_SAMP;
        value = "final Double r = " + AF + ".variance(" + n.name + ", " + s.name + ", " + q.name + ", " + sample + ", "
            + sqrt + ");\nreturn r == null ? null : " + convert(Num.D, "r.doubleValue()", call.getType()) + ";";
    }

    private String notRetractable() {
        return "throw new UnsupportedOperationException(\"" + call.getAggregation().getName()
            + " was generated without retraction support\");";
    }

    /** Converts {@code e} (of class {@code from}) to the boxed Weir value of {@code result}. */
    private static String convert(Num from, String e, RelDataType result) {
        SqlTypeName rt = result.getSqlTypeName();
        String asLong = from == Num.L ? e : from == Num.D ? "(long) " + e : e + ".longValue()";
        String asDouble = from == Num.L ? "(double) " + e : from == Num.D ? e : e + ".doubleValue()";
        switch (rt) {
            case TINYINT: return "Byte.valueOf(" + AF + ".toByteExact(" + asLong + "))";
            case SMALLINT: return "Short.valueOf(" + AF + ".toShortExact(" + asLong + "))";
            case INTEGER: return "Integer.valueOf(" + AF + ".toIntExact(" + asLong + "))";
            case BIGINT: return "Long.valueOf(" + asLong + ")";
            case DOUBLE: return "Double.valueOf(" + asDouble + ")";
            case FLOAT:
            case REAL: return "Float.valueOf((float) " + asDouble + ")";
            case DECIMAL: {
                String big = from == Num.L ? BD + ".valueOf(" + e + ")" : from == Num.D ? BD + ".valueOf(" + e + ")" : e;
                return big + ".setScale(" + result.getScale() + ", " + HALF_UP + ")";
            }
            default:
                throw new UnsupportedOperationException("not supported yet: aggregate result type "
                    + result.getFullTypeString());
        }
    }

    /** The accumulator row fields of this call, for the handle's accumulator {@link RowType}. */
    List<RowType.Field> rowFields() {
        List<RowType.Field> out = new ArrayList<>();
        for (AccField a : fields) {
            out.add(new RowType.Field(a.name, a.type));
        }
        return out;
    }
}
