package io.weir.codegen.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Translates Calcite expressions over Weir rows into linq4j statements with Calcite's own
 * {@link RexToLixTranslator}, so every operator that Calcite (or {@link
 * io.weir.codegen.functions.WeirOperatorTable}) validates also runs. Callers render the block with
 * {@code Expressions.toString} into a generated method whose scope has {@code root} (a Calcite
 * {@link DataContext}) and {@code fnCtx} (Weir's {@code FunctionContext}) fields.
 */
public final class ExprTranslator {
    private static final Pattern INPUT_REF = Pattern.compile("\\$(\\d+)");

    private final RexBuilder rexBuilder;
    private final JavaTypeFactory typeFactory;
    private final RexPreparer preparer;

    public ExprTranslator(RexBuilder rexBuilder, boolean checkedArithmetic) {
        this.rexBuilder = rexBuilder;
        this.typeFactory = rexBuilder.getTypeFactory() instanceof JavaTypeFactory
            ? (JavaTypeFactory) rexBuilder.getTypeFactory()
            : new JavaTypeFactoryImpl(rexBuilder.getTypeFactory().getTypeSystem());
        this.preparer = new RexPreparer(rexBuilder, checkedArithmetic);
    }

    public RexBuilder rexBuilder() {
        return rexBuilder;
    }

    /** A reader of one row's {@code Object[]} (variable {@code fields}) typed by {@code rowType}. */
    public static RexToLixTranslator.InputGetter rowGetter(ParameterExpression fields, RelDataType rowType) {
        return new RowInputGetter(fields, rowType, 0, null);
    }

    /** A reader of two rows, the left's fields first then the right's (join conditions). */
    public static RexToLixTranslator.InputGetter joinGetter(ParameterExpression leftFields, RelDataType leftType,
                                                            ParameterExpression rightFields, RelDataType rightType) {
        RowInputGetter right = new RowInputGetter(rightFields, rightType, leftType.getFieldCount(), null);
        return new RowInputGetter(leftFields, leftType, 0, right);
    }

    /** Adds statements to {@code block} and returns a boolean expression: the condition, NULL as false. */
    public Expression condition(BlockBuilder block, RelDataType inputType, RexToLixTranslator.InputGetter getter,
                                RexNode condition) {
        RexProgramBuilder builder = new RexProgramBuilder(inputType, rexBuilder);
        builder.addCondition(preparer.prepare(condition));
        RexProgram program = builder.getProgram(false);
        return RexToLixTranslator.translateCondition(program, typeFactory, block, getter, null,
            SqlConformanceEnum.DEFAULT);
    }

    /**
     * Adds statements to {@code block} and returns one expression per input expression, each
     * already converted to Weir's boxed storage form (ready for an {@code Object[]} slot).
     */
    public List<Expression> values(BlockBuilder block, RelDataType inputType, RexToLixTranslator.InputGetter getter,
                                   List<RexNode> exprs) {
        List<Expression> raw = rawValues(block, inputType, getter, exprs);
        List<Expression> stored = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            stored.add(RowInputGetter.write(raw.get(i), exprs.get(i).getType()));
        }
        return stored;
    }

    /** Like {@link #values} but in Calcite's internal Java types (primitives where NOT NULL). */
    public List<Expression> rawValues(BlockBuilder block, RelDataType inputType, RexToLixTranslator.InputGetter getter,
                                      List<RexNode> exprs) {
        RexProgramBuilder builder = new RexProgramBuilder(inputType, rexBuilder);
        for (RexNode e : exprs) {
            builder.addProject(preparer.prepare(e), null);
        }
        RexProgram program = builder.getProgram(false);
        return RexToLixTranslator.translateProjects(program, typeFactory, SqlConformanceEnum.DEFAULT, block, null,
            null, DataContext.ROOT, getter, null);
    }

    /** SQL-like text of expressions with input field names instead of {@code $i}, for error messages. */
    public static String describe(List<RexNode> exprs, RelDataType inputType) {
        List<String> names = inputType.getFieldNames();
        StringBuilder sb = new StringBuilder();
        for (RexNode e : exprs) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            Matcher m = INPUT_REF.matcher(e.toString());
            StringBuffer out = new StringBuffer();
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(i < names.size() ? names.get(i) : m.group()));
            }
            m.appendTail(out);
            sb.append(out);
        }
        return sb.toString();
    }
}
