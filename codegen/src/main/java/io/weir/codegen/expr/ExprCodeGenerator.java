package io.weir.codegen.expr;

import io.weir.codegen.JavaClassWriter;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.generated.Predicate;
import io.weir.runtime.generated.Projection;
import io.weir.runtime.generated.WatermarkExpression;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * Generates the row-at-a-time expression classes: {@link Calc}, {@link Projection}, {@link
 * Predicate}, {@link JoinCondition} and {@link WatermarkExpression}. Every per-row method catches
 * runtime errors and rethrows them as {@link io.weir.runtime.generated.ExpressionException} with the
 * expression text (reference 0) and the input row.
 */
public final class ExprCodeGenerator {
    private static final String ROW = "io.weir.runtime.data.Row";
    private static final String EXPRESSION_EXCEPTION = "io.weir.runtime.generated.ExpressionException";

    /** Projections per generated method; wide SELECT lists are split over several methods. */
    static final int MAX_PROJECTIONS_PER_METHOD = 64;

    private final ExprTranslator translator;

    public ExprCodeGenerator(ExprTranslator translator) {
        this.translator = translator;
    }

    /**
     * {@code SELECT projects FROM input WHERE condition} as one {@link Calc}; {@code condition} may be
     * null. With {@code reuseOutput} every call returns the same row instance.
     */
    public GeneratedClass<Calc> calc(RelDataType inputType, List<RexNode> projects, RexNode condition,
                                     boolean reuseOutput) {
        return rowToRow("Calc", Calc.class, inputType, projects, condition, reuseOutput);
    }

    /** A {@link Projection} (no filter). */
    public GeneratedClass<Projection> projection(RelDataType inputType, List<RexNode> projects, boolean reuseOutput) {
        return rowToRow("Projection", Projection.class, inputType, projects, null, reuseOutput);
    }

    private <T> GeneratedClass<T> rowToRow(String prefix, Class<T> iface, RelDataType inputType,
                                           List<RexNode> projects, RexNode condition, boolean reuseOutput) {
        JavaClassWriter w = new JavaClassWriter(prefix, iface);
        StringBuilder eval = new StringBuilder("private " + ROW + " eval(" + ROW + " input) {\n"
            + "  final Object[] in = input.fields();\n");
        if (condition != null) {
            w.method(conditionMethod("cond", inputType, condition));
            eval.append("  if (!cond(in)) return null;\n");
        }
        eval.append(reuseOutput ? "  final Object[] o = out.fields();\n"
            : "  final Object[] o = new Object[" + projects.size() + "];\n");
        // one method per chunk of projections keeps every method far below the JVM's 64 KB limit
        for (int from = 0, chunk = 0; from < projects.size(); from += MAX_PROJECTIONS_PER_METHOD, chunk++) {
            List<RexNode> part = projects.subList(from, Math.min(projects.size(), from + MAX_PROJECTIONS_PER_METHOD));
            w.method(projectionMethod("project" + chunk, inputType, part, from));
            eval.append("  project").append(chunk).append("(in, o);\n");
        }
        eval.append(reuseOutput ? "  out.setKind(input.getKind());\n  return out;\n}"
            : "  return new " + ROW + "(input.getKind(), o);\n}");
        String text = ExprTranslator.describe(projects, inputType)
            + (condition == null ? "" : " WHERE " + ExprTranslator.describe(List.of(condition), inputType));
        if (reuseOutput) {
            w.field("private final " + ROW + " out = new " + ROW + "(" + projects.size() + ");");
        }
        w.method("public " + ROW + " apply(" + ROW + " input) {\n"
            + "  try {\n    return eval(input);\n  }" + rethrow("input") + "\n}");
        w.method(eval.toString());
        return w.build(new Object[] {"SELECT " + text});
    }

    /** {@code private boolean name(Object[] in)}: the condition, NULL as false. */
    private String conditionMethod(String name, RelDataType inputType, RexNode condition) {
        ParameterExpression in = Expressions.parameter(Object[].class, "in");
        BlockBuilder block = new BlockBuilder();
        Expression cond = translator.condition(block, inputType, ExprTranslator.rowGetter(in, inputType), condition);
        block.add(Expressions.return_(null, cond));
        return "private boolean " + name + "(Object[] in) {\n" + indent(Expressions.toString(block.toBlock())) + "\n}";
    }

    /** {@code private void name(Object[] in, Object[] o)}: writes {@code o[offset + i]} for each projection. */
    private String projectionMethod(String name, RelDataType inputType, List<RexNode> projects, int offset) {
        ParameterExpression in = Expressions.parameter(Object[].class, "in");
        ParameterExpression o = Expressions.parameter(Object[].class, "o");
        BlockBuilder block = new BlockBuilder();
        List<Expression> values = translator.values(block, inputType, ExprTranslator.rowGetter(in, inputType), projects);
        for (int i = 0; i < values.size(); i++) {
            block.add(Expressions.statement(Expressions.assign(
                Expressions.arrayIndex(o, Expressions.constant(offset + i)), values.get(i))));
        }
        return "private void " + name + "(Object[] in, Object[] o) {\n" + indent(Expressions.toString(block.toBlock()))
            + "\n}";
    }

    /** A {@link Predicate}: the condition, NULL as false. */
    public GeneratedClass<Predicate> predicate(RelDataType inputType, RexNode condition) {
        JavaClassWriter w = new JavaClassWriter("Predicate", Predicate.class);
        w.method("public boolean test(" + ROW + " input) {\n  try {\n    return eval(input.fields());\n  }"
            + rethrow("input") + "\n}");
        w.method(conditionMethod("eval", inputType, condition));
        return w.build(new Object[] {"WHERE " + ExprTranslator.describe(List.of(condition), inputType)});
    }

    /** A {@link JoinCondition} over the left row's fields followed by the right row's. */
    public GeneratedClass<JoinCondition> joinCondition(RelDataType leftType, RelDataType rightType, RexNode condition) {
        ParameterExpression l = Expressions.parameter(Object[].class, "l");
        ParameterExpression r = Expressions.parameter(Object[].class, "r");
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (RelDataType side : List.of(leftType, rightType)) {
            for (org.apache.calcite.rel.type.RelDataTypeField f : side.getFieldList()) {
                types.add(f.getType());
                names.add(f.getName());
            }
        }
        RelDataType joined = translator.rexBuilder().getTypeFactory().createStructType(types,
            org.apache.calcite.sql.validate.SqlValidatorUtil.uniquify(names, false));
        BlockBuilder block = new BlockBuilder();
        Expression cond = translator.condition(block, joined, ExprTranslator.joinGetter(l, leftType, r, rightType),
            condition);
        block.add(Expressions.return_(null, cond));
        JavaClassWriter w = new JavaClassWriter("JoinCondition", JoinCondition.class);
        w.method("public boolean test(" + ROW + " left, " + ROW + " right) {\n"
            + "  try {\n    return eval(left.fields(), right.fields());\n  }"
            + rethrowJoin() + "\n}");
        w.method("private boolean eval(Object[] l, Object[] r) {\n" + indent(Expressions.toString(block.toBlock()))
            + "\n}");
        return w.build(new Object[] {"ON " + ExprTranslator.describe(List.of(condition), joined)});
    }

    /** A {@link WatermarkExpression} for {@code WATERMARK FOR ts AS expr} (expr of a TIMESTAMP type). */
    public GeneratedClass<WatermarkExpression> watermark(RelDataType inputType, RexNode expr) {
        ParameterExpression in = Expressions.parameter(Object[].class, "in");
        BlockBuilder block = new BlockBuilder();
        List<Expression> values = translator.values(block, inputType, ExprTranslator.rowGetter(in, inputType),
            List.of(expr));
        ParameterExpression v = Expressions.parameter(Object.class, "v");
        block.add(Expressions.declare(0, v, values.get(0)));
        String body = Expressions.toString(block.toBlock());
        body = body.substring(0, body.lastIndexOf('}'))
            + "  return v == null ? Long.MIN_VALUE : ((Long) v).longValue();\n}\n";
        JavaClassWriter w = new JavaClassWriter("Watermark", WatermarkExpression.class);
        w.method("public long currentWatermark(" + ROW + " input) {\n  try {\n    return eval(input.fields());\n  }"
            + rethrow("input") + "\n}");
        w.method("private long eval(Object[] in) {\n" + indent(body) + "\n}");
        return w.build(new Object[] {"WATERMARK AS " + ExprTranslator.describe(List.of(expr), inputType)});
    }

    static String rethrow(String rowVar) {
        return " catch (" + EXPRESSION_EXCEPTION + " e) {\n    throw e;\n  } catch (RuntimeException e) {\n"
            + "    throw new " + EXPRESSION_EXCEPTION + "((String) references[0], " + rowVar + ", e);\n  }";
    }

    private static String rethrowJoin() {
        return " catch (" + EXPRESSION_EXCEPTION + " e) {\n    throw e;\n  } catch (RuntimeException e) {\n"
            + "    throw new " + EXPRESSION_EXCEPTION + "((String) references[0], " + ROW
            + ".of(new Object[] {left, right}), e);\n  }";
    }

    static String indent(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
