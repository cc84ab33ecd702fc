package io.weir.planner.calcite;

import io.weir.codegen.functions.TimestampOperators;
import io.weir.runtime.types.TimestampUnits;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Makes timestamps of different units meet only through explicit CASTs: Calcite compares and
 * unions {@code TIMESTAMP(3)} with {@code TIMESTAMP(6)} without a cast, but their internal longs are
 * millis and micros ({@link TimestampUnits}). Comparisons get their lower-precision operand cast to
 * the higher precision (so equi-join keys also agree), and set operations (UNION, ...) get their
 * inputs' timestamp columns cast to the result type. Applied once to each converted query.
 */
final class TimestampPrecisionNormalizer extends RelHomogeneousShuttle {
    private final RexBuilder rexBuilder;
    private final RexShuttle comparisons;

    private TimestampPrecisionNormalizer(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
        this.comparisons = new ComparisonShuttle(rexBuilder);
    }

    static RelNode normalize(RelNode rel) {
        return rel.accept(new TimestampPrecisionNormalizer(rel.getCluster().getRexBuilder()));
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode node = super.visit(other).accept(comparisons);
        return node instanceof SetOp ? castSetOpInputs((SetOp) node) : node;
    }

    private RelNode castSetOpInputs(SetOp setOp) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : setOp.getInputs()) {
            RelNode cast = castTo(input, setOp.getRowType());
            changed |= cast != input;
            inputs.add(cast);
        }
        return changed ? setOp.copy(setOp.getTraitSet(), inputs) : setOp;
    }

    private RelNode castTo(RelNode input, RelDataType target) {
        List<RexNode> projects = new ArrayList<>();
        boolean changed = false;
        RelDataTypeFactory tf = rexBuilder.getTypeFactory();
        for (RelDataTypeField f : input.getRowType().getFieldList()) {
            RelDataType to = target.getFieldList().get(f.getIndex()).getType();
            RexNode ref = rexBuilder.makeInputRef(input, f.getIndex());
            if (differentUnits(f.getType(), to)) {
                projects.add(rexBuilder.makeCast(tf.createTypeWithNullability(to, f.getType().isNullable()), ref));
                changed = true;
            } else {
                projects.add(ref);
            }
        }
        return changed ? LogicalProject.create(input, List.of(), projects, input.getRowType().getFieldNames(),
            java.util.Set.of()) : input;
    }

    private static boolean differentUnits(RelDataType a, RelDataType b) {
        return TimestampOperators.isTimestamp(a) && TimestampOperators.isTimestamp(b)
            && TimestampUnits.unitDigits(TimestampOperators.precision(a))
                != TimestampUnits.unitDigits(TimestampOperators.precision(b));
    }

    /** Casts the finer-unit side's partner up in comparisons between timestamps of different units. */
    private static final class ComparisonShuttle extends RexShuttle {
        private final RexBuilder rexBuilder;

        ComparisonShuttle(RexBuilder rexBuilder) {
            this.rexBuilder = rexBuilder;
        }

        @Override
        public RexNode visitCall(RexCall original) {
            RexCall call = (RexCall) super.visitCall(original);
            if (!call.isA(org.apache.calcite.sql.SqlKind.COMPARISON) || call.getOperands().size() != 2) {
                return call;
            }
            RexNode a = call.getOperands().get(0);
            RexNode b = call.getOperands().get(1);
            if (!differentUnits(a.getType(), b.getType())) {
                return call;
            }
            boolean aFiner = TimestampOperators.precision(a.getType()) > TimestampOperators.precision(b.getType());
            RexNode coarse = aFiner ? b : a;
            RelDataType finer = aFiner ? a.getType() : b.getType();
            RelDataType to = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(coarse.getType().getSqlTypeName(),
                    TimestampOperators.precision(finer)), coarse.getType().isNullable());
            RexNode cast = rexBuilder.makeCast(to, coarse);
            return call.clone(call.getType(), aFiner ? List.of(a, cast) : List.of(cast, b));
        }
    }
}
