package io.weir.planner.rules;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Rewrites an expression of the right side of a {@code Correlate} into one over {@code left ++ right}:
 * {@code $cor.f} becomes a reference to left field {@code f}, right field {@code i} becomes
 * {@code leftCount + i} (typed as in {@code joined}, so nullable on the right of a LEFT join).
 */
final class CorrelationRewriter extends RexShuttle {
    private final CorrelationId id;
    private final RelNode left;
    private final RexBuilder rex;
    private final org.apache.calcite.rel.type.RelDataType joined;

    CorrelationRewriter(CorrelationId id, RelNode left, org.apache.calcite.rel.type.RelDataType joined,
                        RexBuilder rex) {
        this.id = id;
        this.left = left;
        this.joined = joined;
        this.rex = rex;
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
        int i = left.getRowType().getFieldCount() + ref.getIndex();
        return rex.makeInputRef(joined.getFieldList().get(i).getType(), i);
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable
            && ((RexCorrelVariable) access.getReferenceExpr()).id.equals(id)) {
            int i = access.getField().getIndex();
            return rex.makeInputRef(left.getRowType().getFieldList().get(i).getType(), i);
        }
        return super.visitFieldAccess(access);
    }

    @Override
    public RexNode visitCorrelVariable(RexCorrelVariable variable) {
        if (variable.id.equals(id)) {
            throw new io.weir.planner.ValidationException("not supported yet: a reference to the whole row of the"
                + " outer table in a correlated expression");
        }
        return variable;
    }
}
