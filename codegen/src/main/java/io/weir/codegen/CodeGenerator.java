package io.weir.codegen;

import io.weir.checkpoint.config.Configuration;
import io.weir.codegen.agg.AggsHandleCodeGenerator;
import io.weir.codegen.agg.AggsHandleCodeGenerator.WindowProperty;
import io.weir.codegen.compile.JaninoCompiler;
import io.weir.codegen.expr.ExprCodeGenerator;
import io.weir.codegen.expr.ExprTranslator;
import io.weir.codegen.expr.KeyCodeGenerator;
import io.weir.runtime.generated.AggsHandle;
import io.weir.runtime.generated.Calc;
import io.weir.runtime.generated.GeneratedClass;
import io.weir.runtime.generated.JoinCondition;
import io.weir.runtime.generated.KeyProjection;
import io.weir.runtime.generated.NamespaceAggsHandle;
import io.weir.runtime.generated.Predicate;
import io.weir.runtime.generated.Projection;
import io.weir.runtime.generated.RecordComparator;
import io.weir.runtime.generated.WatermarkExpression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * The planner's entry point to code generation: one instance per planning session (not
 * thread-safe, cheap). Every method returns a {@link GeneratedClass} (source + references) that
 * the job graph carries to the tasks; nothing is compiled until an operator instantiates it.
 *
 * <p>Expressions are Calcite {@link RexNode}s over the input row type, validated against
 * {@link io.weir.codegen.functions.WeirOperatorTable}. Options: {@link CodegenOptions}.
 */
public final class CodeGenerator {
    private final RexBuilder rexBuilder;
    private final ExprCodeGenerator exprs;

    public CodeGenerator(RexBuilder rexBuilder, Configuration config) {
        this.rexBuilder = rexBuilder;
        this.exprs = new ExprCodeGenerator(new ExprTranslator(rexBuilder, config.get(CodegenOptions.CHECKED_ARITHMETIC)));
        config.getOptional(CodegenOptions.DUMP_DIR).ifPresent(dir -> JaninoCompiler.setDumpDir(Path.of(dir)));
    }

    public CodeGenerator(RexBuilder rexBuilder) {
        this(rexBuilder, new Configuration());
    }

    /** A fused filter + projection; {@code condition} may be null. */
    public GeneratedClass<Calc> calc(RelDataType inputType, List<RexNode> projects, RexNode condition,
                                     boolean reuseOutput) {
        return exprs.calc(inputType, projects, condition, reuseOutput);
    }

    /** A fused filter + projection from a Calcite {@link RexProgram} (e.g. of a {@code Calc} node). */
    public GeneratedClass<Calc> calc(RexProgram program, boolean reuseOutput) {
        List<RexNode> projects = new ArrayList<>();
        for (RexLocalRef ref : program.getProjectList()) {
            projects.add(program.expandLocalRef(ref));
        }
        RexLocalRef cond = program.getCondition();
        return calc(program.getInputRowType(), projects, cond == null ? null : program.expandLocalRef(cond),
            reuseOutput);
    }

    public GeneratedClass<Projection> projection(RelDataType inputType, List<RexNode> projects, boolean reuseOutput) {
        return exprs.projection(inputType, projects, reuseOutput);
    }

    public GeneratedClass<Predicate> predicate(RelDataType inputType, RexNode condition) {
        return exprs.predicate(inputType, condition);
    }

    /** A join condition over the left fields followed by the right fields. */
    public GeneratedClass<JoinCondition> joinCondition(RelDataType leftType, RelDataType rightType, RexNode condition) {
        return exprs.joinCondition(leftType, rightType, condition);
    }

    /** The {@code WATERMARK FOR ... AS expr} expression over the source's row type. */
    public GeneratedClass<WatermarkExpression> watermark(RelDataType inputType, RexNode expr) {
        return exprs.watermark(inputType, expr);
    }

    public GeneratedClass<KeyProjection> keyProjection(int[] keyFields) {
        return KeyCodeGenerator.keyProjection(keyFields);
    }

    public GeneratedClass<RecordComparator> comparator(RelDataType rowType, RelCollation collation) {
        return KeyCodeGenerator.comparator(rowType, collation);
    }

    /** The aggregate calls of a group aggregation; {@code withRetraction} when the input updates. */
    public GeneratedClass<AggsHandle> aggsHandle(RelDataType inputType, List<AggregateCall> calls,
                                                 boolean withRetraction) {
        return AggsHandleCodeGenerator.generate(inputType, calls, withRetraction);
    }

    /** The aggregate calls of a window aggregation, with the window columns appended to results. */
    public GeneratedClass<NamespaceAggsHandle> windowAggsHandle(RelDataType inputType, List<AggregateCall> calls,
                                                                boolean withRetraction,
                                                                List<WindowProperty> windowProperties) {
        return AggsHandleCodeGenerator.generateForWindow(inputType, calls, withRetraction, windowProperties);
    }

    public RexBuilder rexBuilder() {
        return rexBuilder;
    }
}
