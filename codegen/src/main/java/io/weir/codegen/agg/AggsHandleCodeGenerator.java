package io.weir.codegen.agg;

import io.weir.codegen.JavaClassWriter;
import io.weir.codegen.TypeConversions;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.NamespaceAggsHandle;
import io.weir.runtime.types.DataType;
import io.weir.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Generates an {@link AggsHandle} (or a {@link NamespaceAggsHandle} for windows) for the aggregate
 * calls of one {@code Aggregate}: COUNT(*), COUNT(x), SUM, SUM0, AVG, MIN, MAX, FIRST_VALUE,
 * LAST_VALUE, LISTAGG, STDDEV_POP/SAMP, VAR_POP/SAMP, each with FILTER and DISTINCT.
 *
 * <p>Accumulator row layout: field 0 is the record count (BIGINT), then each call's fields in call
 * order, then one {@code MAP<key, BIGINT>} per DISTINCT call. Aggregates skip NULL arguments (except
 * COUNT(*)); rows whose FILTER is not TRUE are skipped entirely but still counted by {@code recordCount}.
 *
 * <p>With a {@link io.weir.runtime.generated.DistinctStore} set, the DISTINCT maps stay empty and the
 * calls over one argument list form a distinct group ({@link DistinctGroup}): per row, one store read
 * and write of the value's counts (one per call of the group) instead of one map per call.
 */
public final class AggsHandleCodeGenerator {
    private static final String ROW = "io.weir.runtime.data.Row";
    private static final String AF = "io.weir.codegen.runtime.AggFunctions";
    private static final String EXPRESSION_EXCEPTION = "io.weir.runtime.generated.ExpressionException";
    private static final Pattern INPUT_REF = Pattern.compile("\\$(\\d+)");

    /** A window column a {@link NamespaceAggsHandle} appends after the aggregate values. */
    public enum WindowProperty {
        /** {@code window_start}: the window's start. */
        WINDOW_START,
        /** {@code window_end}: the window's end (exclusive). */
        WINDOW_END,
        /** {@code window_time}: {@code window_end - 1}, the rowtime of event-time window results. */
        WINDOW_TIME,
        /** The processing time at firing, for processing-time windows' {@code window_time}. */
        PROCTIME
    }

    private final RelDataType inputType;
    private final List<AggregateCall> calls;
    private final boolean withRetraction;
    private final List<AggCallCode> codes = new ArrayList<>();
    private final List<DistinctGroup> distinctGroups;

    private AggsHandleCodeGenerator(RelDataType inputType, List<AggregateCall> calls, boolean withRetraction) {
        this.inputType = inputType;
        this.calls = calls;
        this.withRetraction = withRetraction;
        for (int i = 0; i < calls.size(); i++) {
            codes.add(new AggCallCode(i, calls.get(i), inputType, withRetraction));
        }
        this.distinctGroups = DistinctGroup.of(codes);
    }

    /**
     * An {@link AggsHandle} for {@code calls} over rows of {@code inputType}. With
     * {@code withRetraction}, MIN/MAX/FIRST_VALUE/LAST_VALUE keep all values so they can retract.
     *
     * @throws UnsupportedOperationException naming an aggregate function that is not supported yet
     */
    public static GeneratedClass<AggsHandle> generate(RelDataType inputType, List<AggregateCall> calls,
                                                      boolean withRetraction) {
        return new AggsHandleCodeGenerator(inputType, calls, withRetraction).build(AggsHandle.class, null);
    }

    /** A {@link NamespaceAggsHandle}: as {@link #generate}, plus the window properties after the values. */
    public static GeneratedClass<NamespaceAggsHandle> generateForWindow(RelDataType inputType,
                                                                        List<AggregateCall> calls,
                                                                        boolean withRetraction,
                                                                        List<WindowProperty> properties) {
        return new AggsHandleCodeGenerator(inputType, calls, withRetraction)
            .build(NamespaceAggsHandle.class, properties);
    }

    private <T> GeneratedClass<T> build(Class<T> iface, List<WindowProperty> properties) {
        JavaClassWriter w = new JavaClassWriter(iface.getSimpleName(), iface);
        List<RowType.Field> accFields = new ArrayList<>();
        accFields.add(new RowType.Field("record_count", DataType.bigint().notNull()));
        List<String> init = new ArrayList<>();
        List<String> pack = new ArrayList<>();
        List<String> unpack = new ArrayList<>();
        List<String> reset = new ArrayList<>();
        w.field("private long rc;");
        init.add("Long.valueOf(0L)");
        pack.add("Long.valueOf(rc)");
        unpack.add("rc = ((Long) a[0]).longValue();");
        reset.add("rc = 0L;");
        int[] offsets = new int[codes.size()];
        for (AggCallCode c : codes) {
            offsets[c.index] = accFields.size();
            for (AggCallCode.AccField f : c.fields) {
                w.field("private " + f.javaType + " " + f.name + ";");
                accFields.add(new RowType.Field(f.name, f.type));
                init.add(packInit(f));
                pack.add(f.pack());
                unpack.add(f.name + " = " + f.unpack("a[" + (accFields.size() - 1) + "]") + ";");
                reset.add(f.name + " = " + f.init + ";");
            }
        }
        int[] distinctOffsets = new int[codes.size()];
        for (AggCallCode c : codes) {
            if (c.call.isDistinct()) {
                distinctOffsets[c.index] = accFields.size();
                String d = "d" + c.index;
                w.field("private java.util.HashMap " + d + ";");
                accFields.add(new RowType.Field(d, DataType.map(distinctKeyType(c.call), DataType.bigint().notNull())
                    .notNull()));
                init.add("new java.util.HashMap()");
                pack.add(d);
                unpack.add(d + " = " + AF + ".toHashMap(a[" + (accFields.size() - 1) + "]);");
                reset.add(d + " = new java.util.HashMap();");
            }
        }
        if (!distinctGroups.isEmpty()) {
            w.field("private io.weir.runtime.generated.DistinctStore ds;");
            distinctStoreMethods(w);
        }
        w.constructorStatement("resetAccumulators();");
        w.method("public io.weir.runtime.types.RowType accumulatorType() {\n"
            + "  return (io.weir.runtime.types.RowType) references[1];\n}");
        w.method("public " + ROW + " createAccumulators() {\n  return " + ROW + ".of(new Object[] {"
            + String.join(", ", init) + "});\n}");
        w.method("public " + ROW + " getAccumulators() {\n  return " + ROW + ".of(new Object[] {"
            + String.join(", ", pack) + "});\n}");
        w.method("public void setAccumulators(" + ROW + " acc) {\n  final Object[] a = acc.fields();\n"
            + indent(String.join("\n", unpack)) + "\n}");
        w.method("public void resetAccumulators() {\n" + indent(String.join("\n", reset)) + "\n}");
        w.method("public long recordCount() {\n  return rc;\n}");
        w.method("public boolean supportsRetract() {\n  return " + supportsRetract() + ";\n}");
        w.method(perRow("accumulate", "rc++;", "acc"));
        w.method(perRow("retract", "rc--;", "ret"));
        StringBuilder merge = new StringBuilder(distinctGroups.isEmpty() ? "" : "if (ds != null) throw new "
            + "UnsupportedOperationException(\"merge of aggregates whose DISTINCT values are kept in state\");\n");
        merge.append("final Object[] o = other.fields();\nrc += ((Long) o[0]).longValue();\n");
        for (AggCallCode c : codes) {
            merge.append("merge").append(c.index).append("(o);\n");
        }
        w.method(guarded("public void merge(" + ROW + " other)", merge.toString(), "other"));
        w.method(guarded("public " + ROW + " getValue()", "return " + ROW + ".of(new Object[] {" + values(null) + "});",
            "getAccumulators()"));
        if (properties != null) {
            w.method(guarded("public " + ROW + " getValue(long windowStart, long windowEnd)",
                "return " + ROW + ".of(new Object[] {" + values(properties) + "});", "getAccumulators()"));
        }
        for (AggCallCode c : codes) {
            perCall(w, c, offsets[c.index], distinctOffsets[c.index]);
        }
        List<DataType> keyTypes = new ArrayList<>();
        int[] sizes = new int[distinctGroups.size()];
        for (DistinctGroup g : distinctGroups) {
            keyTypes.add(distinctKeyType(g.calls.get(0).call));
            sizes[g.index] = g.calls.size();
        }
        return w.build(new Object[] {"aggregates " + describe(), new RowType(accFields), List.copyOf(keyTypes), sizes});
    }

    private boolean supportsRetract() {
        for (AggCallCode c : codes) {
            if (!c.retractable) {
                return false;
            }
        }
        return true;
    }

    private String perRow(String name, String countStatement, String perCallPrefix) {
        StringBuilder body = new StringBuilder("final Object[] in = input.fields();\n" + countStatement + "\n");
        for (AggCallCode c : codes) {
            body.append(perCallPrefix).append(c.index).append("(in);\n");
        }
        if (!distinctGroups.isEmpty()) {
            body.append("if (ds != null) {\n");
            for (DistinctGroup g : distinctGroups) {
                body.append("  d").append(perCallPrefix).append(g.index).append("(in);\n");
            }
            body.append("}\n");
        }
        return guarded("public void " + name + "(" + ROW + " input)", body.toString(), "input");
    }

    /** A method whose runtime errors become ExpressionExceptions naming the aggregates and {@code row}. */
    private static String guarded(String signature, String body, String row) {
        return signature + " {\n  try {\n" + indent(indent(body.trim())) + "\n"
            + "  } catch (" + EXPRESSION_EXCEPTION + " e) {\n    throw e;\n"
            + "  } catch (io.weir.runtime.generated.DistinctStore.StoreException e) {\n    throw e;\n"
            + "  } catch (UnsupportedOperationException e) {\n    throw e;\n  } catch (RuntimeException e) {\n"
            + "    throw new " + EXPRESSION_EXCEPTION + "((String) references[0], " + row + ", e);\n  }\n}";
    }

    private String values(List<WindowProperty> properties) {
        List<String> vs = new ArrayList<>();
        for (AggCallCode c : codes) {
            vs.add("get" + c.index + "()");
        }
        if (properties != null) {
            for (WindowProperty p : properties) {
                switch (p) {
                    case WINDOW_START: vs.add("Long.valueOf(windowStart)"); break;
                    case WINDOW_END: vs.add("Long.valueOf(windowEnd)"); break;
                    case WINDOW_TIME: vs.add("Long.valueOf(windowEnd - 1L)"); break;
                    default: vs.add("Long.valueOf(fnCtx.currentProcessingTime())");
                }
            }
        }
        return String.join(", ", vs);
    }

    private void perCall(JavaClassWriter w, AggCallCode c, int offset, int distinctOffset) {
        AggregateCall call = c.call;
        int i = c.index;
        StringBuilder prefix = new StringBuilder();
        if (call.filterArg >= 0) {
            prefix.append("if (!Boolean.TRUE.equals(in[").append(call.filterArg).append("])) return;\n");
        }
        List<Integer> args = call.getArgList();
        boolean valueArgOnly = c.separatorField() != null; // LISTAGG(x, sep): only x may skip the row
        prefix.append("final Object v = ").append(args.isEmpty() ? "null" : "in[" + args.get(0) + "]").append(";\n");
        for (int k = 0; k < (valueArgOnly ? 1 : args.size()); k++) {
            prefix.append("if (in[").append(args.get(k)).append("] == null) return;\n");
        }
        if (c.separatorField() != null) {
            prefix.append(c.separatorField()).append(" = (String) in[").append(args.get(1)).append("];\n");
        }
        String key = args.size() <= 1 ? "v" : ROW + ".of(new Object[] {" + argList(args) + "})";
        String d = "d" + i;
        if (call.isDistinct()) {
            prefix.insert(0, "if (ds != null) return;\n");
        }
        String accPrefix = prefix + (call.isDistinct() ? "if (" + AF + ".increment(" + d + ", " + key + ") != 1L) return;\n" : "");
        String retPrefix = prefix + (call.isDistinct() ? "if (" + AF + ".decrement(" + d + ", " + key + ") != 0L) return;\n" : "");
        w.method("private void acc" + i + "(Object[] in) {\n" + indent(accPrefix + "accv" + i + "(v);") + "\n}");
        w.method("private void ret" + i + "(Object[] in) {\n" + indent(retPrefix + "retv" + i + "(v);") + "\n}");
        w.method("private void accv" + i + "(Object v) {\n" + indent(c.accumulate) + "\n}");
        w.method("private void retv" + i + "(Object v) {\n" + indent(c.retract) + "\n}");
        w.method("private Object get" + i + "() {\n" + indent(c.value) + "\n}");
        String mergeBody;
        if (call.isDistinct()) {
            mergeBody = "final java.util.Iterator it = ((java.util.Map) o[" + distinctOffset + "]).entrySet().iterator();\n"
                + "while (it.hasNext()) {\n"
                + "  final java.util.Map.Entry e = (java.util.Map.Entry) it.next();\n"
                + "  final Long mine = (Long) " + d + ".get(e.getKey());\n"
                + "  final long add = ((Number) e.getValue()).longValue();\n"
                + "  if (mine == null) {\n"
                + "    " + d + ".put(e.getKey(), Long.valueOf(add));\n"
                + "    accv" + i + "(" + (args.size() <= 1 ? "e.getKey()" : "null") + ");\n"
                + "  } else {\n"
                + "    " + d + ".put(e.getKey(), Long.valueOf(mine.longValue() + add));\n"
                + "  }\n"
                + "}";
            if (c.separatorField() != null) {
                mergeBody += "\nif (" + c.separatorField() + " == null) " + c.separatorField() + " = (String) o["
                    + (offset + 1) + "];";
            }
        } else {
            mergeBody = c.merge;
            for (int k = 0; k < c.fields.size(); k++) {
                mergeBody = mergeBody.replace("$OTHER" + k + "$", "o[" + (offset + k) + "]");
            }
        }
        w.method("private void merge" + i + "(Object[] o) {\n" + indent(mergeBody) + "\n}");
    }

    private DataType distinctKeyType(AggregateCall call) {
        List<Integer> args = call.getArgList();
        if (args.size() == 1) {
            return TypeConversions.toDataType(inputType.getFieldList().get(args.get(0)).getType()).notNull();
        }
        List<RowType.Field> fields = new ArrayList<>();
        for (int a : args) {
            fields.add(new RowType.Field(inputType.getFieldNames().get(a),
                TypeConversions.toDataType(inputType.getFieldList().get(a).getType())));
        }
        return DataType.row(new RowType(fields)).notNull();
    }

    private static String argList(List<Integer> args) {
        StringBuilder sb = new StringBuilder();
        for (int a : args) {
            sb.append(sb.length() == 0 ? "" : ", ").append("in[").append(a).append(']');
        }
        return sb.toString();
    }

    private static String packInit(AggCallCode.AccField f) {
        switch (f.javaType) {
            case "long": return "Long.valueOf(" + f.init + ")";
            case "double": return "Double.valueOf(" + f.init + ")";
            default: return f.init;
        }
    }

    private String describe() {
        List<String> names = inputType.getFieldNames();
        StringBuilder sb = new StringBuilder();
        for (AggregateCall call : calls) {
            Matcher m = INPUT_REF.matcher(call.toString());
            StringBuffer out = new StringBuffer();
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(i < names.size() ? names.get(i) : m.group()));
            }
            m.appendTail(out);
            sb.append(sb.length() == 0 ? "" : ", ").append(out);
        }
        return sb.toString();
    }

    /** {@code distinctKeyTypes}, {@code distinctGroupSizes}, {@code setDistinctStore} and per group {@code daccG}/{@code dretG}. */
    private void distinctStoreMethods(JavaClassWriter w) {
        w.method("public java.util.List distinctKeyTypes() {\n  return (java.util.List) references[2];\n}");
        w.method("public int[] distinctGroupSizes() {\n  final int[] s = (int[]) references[3];\n  return java.util.Arrays.copyOf(s, s.length);\n}");
        w.method("public void setDistinctStore(io.weir.runtime.generated.DistinctStore store) {\n"
            + "  this.ds = store;\n  resetAccumulators();\n}");
        for (DistinctGroup g : distinctGroups) {
            w.method("private void dacc" + g.index + "(Object[] in) {\n" + indent(distinctBody(g, true)) + "\n}");
            w.method("private void dret" + g.index + "(Object[] in) {\n" + indent(distinctBody(g, false)) + "\n}");
        }
    }

    /**
     * Per row and distinct group: skip on NULL arguments, evaluate each call's FILTER, then read the
     * value's counts once, update the counts of the calls whose FILTER holds (a call sees the value
     * when its count goes 0 -> 1 and loses it when it goes 1 -> 0) and write them back once.
     */
    private String distinctBody(DistinctGroup g, boolean accumulate) {
        StringBuilder b = new StringBuilder();
        List<Integer> args = g.args;
        for (int k = 0; k < (g.firstArgOnlyNullCheck ? 1 : args.size()); k++) {
            b.append("if (in[").append(args.get(k)).append("] == null) return;\n");
        }
        boolean unfiltered = false;
        StringBuilder any = new StringBuilder();
        for (AggCallCode c : g.calls) {
            int j = g.slot(c);
            String f = c.call.filterArg >= 0 ? "Boolean.TRUE.equals(in[" + c.call.filterArg + "])" : "true";
            unfiltered |= c.call.filterArg < 0;
            b.append("final boolean f").append(j).append(" = ").append(f).append(";\n");
            any.append(any.length() == 0 ? "" : " || ").append('f').append(j);
        }
        if (!unfiltered) {
            b.append("if (!(").append(any).append(")) return;\n");
        }
        b.append("final Object v = ").append(args.isEmpty() ? "null" : "in[" + args.get(0) + "]").append(";\n");
        String key = args.size() <= 1 ? "v" : ROW + ".of(new Object[] {" + argList(args) + "})";
        b.append("final Object k = ").append(key).append(";\n");
        b.append("final long[] old = ds.get(").append(g.index).append(", k);\n");
        int size = g.calls.size();
        if (accumulate) {
            b.append("final long[] n = old == null ? new long[").append(size).append("] : java.util.Arrays.copyOf(old, ")
                .append(size).append(");\n");
        } else {
            b.append("if (old == null) return;\nfinal long[] n = java.util.Arrays.copyOf(old, ").append(size).append(");\n");
        }
        for (AggCallCode c : g.calls) {
            int j = g.slot(c);
            b.append("if (f").append(j).append(") {\n");
            if (c.separatorField() != null) {
                b.append("  ").append(c.separatorField()).append(" = (String) in[").append(args.get(1)).append("];\n");
            }
            if (accumulate) {
                b.append("  if (n[").append(j).append("]++ == 0L) accv").append(c.index).append("(v);\n");
            } else {
                b.append("  if (n[").append(j).append("] > 0L && --n[").append(j).append("] == 0L) retv").append(c.index)
                    .append("(v);\n");
            }
            b.append("}\n");
        }
        if (accumulate) {
            b.append("ds.put(").append(g.index).append(", k, n);");
        } else {
            StringBuilder zero = new StringBuilder();
            for (int j = 0; j < size; j++) {
                zero.append(j == 0 ? "" : " && ").append("n[").append(j).append("] == 0L");
            }
            b.append("if (").append(zero).append(") ds.remove(").append(g.index).append(", k);\nelse ds.put(")
                .append(g.index).append(", k, n);");
        }
        return b.toString();
    }

    private static String indent(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
