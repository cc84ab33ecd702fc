package io.weir.planner.explain;

import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDigestIncludeType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders plan attributes the way Flink's EXPLAIN does: fields by name, expressions infix
 * ({@code (amount + 1)}), aggregates as {@code COUNT(*) AS cnt}. Stable across runs: no object
 * ids or hash codes.
 */
public final class PlanFormat {
    private PlanFormat() {
    }

    /** {@code [a, b]} for the given field positions. */
    public static String fieldList(List<String> names, List<Integer> positions) {
        List<String> out = new ArrayList<>();
        for (int p : positions) {
            out.add(names.get(p));
        }
        return String.join(", ", out);
    }

    /** An expression over a row with the given field names. */
    public static String expr(RexNode e, List<String> names) {
        if (e instanceof RexInputRef) {
            return names.get(((RexInputRef) e).getIndex());
        }
        if (e instanceof RexLiteral) {
            return literal((RexLiteral) e);
        }
        if (e instanceof RexCall) {
            return call((RexCall) e, names);
        }
        return e.toString();
    }

    private static String literal(RexLiteral l) {
        String s = l.computeDigest(RexDigestIncludeType.NO_TYPE);
        return s.startsWith("_UTF-16LE") ? s.substring("_UTF-16LE".length()) : s;
    }

    private static String call(RexCall c, List<String> names) {
        List<String> args = new ArrayList<>();
        for (RexNode o : c.getOperands()) {
            args.add(expr(o, names));
        }
        if (c.getKind() == SqlKind.CAST) {
            return "CAST(" + args.get(0) + " AS " + c.getType().getFullTypeString() + ")";
        }
        SqlSyntax syntax = c.getOperator().getSyntax();
        String op = c.getOperator().getName();
        if (syntax == SqlSyntax.BINARY && args.size() == 2) {
            return "(" + args.get(0) + " " + op + " " + args.get(1) + ")";
        }
        if (syntax == SqlSyntax.BINARY) {
            return "(" + String.join(" " + op + " ", args) + ")";
        }
        if (syntax == SqlSyntax.PREFIX && args.size() == 1) {
            return op + "(" + args.get(0) + ")";
        }
        if (syntax == SqlSyntax.POSTFIX && args.size() == 1) {
            return "(" + args.get(0) + " " + op + ")";
        }
        return op + "(" + String.join(", ", args) + ")";
    }

    /** {@code a, COUNT(*) AS cnt, SUM(b) AS s}: grouping fields, then aggregates named by the output. */
    public static String aggSelect(List<String> inputNames, List<Integer> grouping, List<AggregateCall> calls,
                                   List<String> outputNames) {
        List<String> out = new ArrayList<>();
        for (int g : grouping) {
            out.add(inputNames.get(g));
        }
        for (int i = 0; i < calls.size(); i++) {
            out.add(aggCall(calls.get(i), inputNames) + " AS " + outputNames.get(grouping.size() + i));
        }
        return String.join(", ", out);
    }

    /** {@code COUNT(DISTINCT b) FILTER $f3}-free form: {@code COUNT(DISTINCT b)}, {@code SUM(a) FILTER (WHERE f)}. */
    public static String aggCall(AggregateCall call, List<String> inputNames) {
        List<String> args = new ArrayList<>();
        for (int a : call.getArgList()) {
            args.add(inputNames.get(a));
        }
        String body = args.isEmpty() ? "*" : String.join(", ", args);
        String s = call.getAggregation().getName() + "(" + (call.isDistinct() ? "DISTINCT " : "") + body + ")";
        if (call.hasFilter()) {
            s += " FILTER (WHERE " + inputNames.get(call.filterArg) + ")";
        }
        return s;
    }
}
