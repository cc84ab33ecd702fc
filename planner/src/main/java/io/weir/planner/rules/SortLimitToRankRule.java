package io.weir.planner.rules;

import io.weir.planner.logical.LogicalRank;
import io.weir.planner.properties.TimeAttribute;
import java.math.BigDecimal;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Planner rule that turns a streaming {@code ORDER BY ... LIMIT n [OFFSET m]} (or a bare
 * {@code LIMIT n}) into a Top-N over the whole input: a {@link LogicalRank} without partition key,
 * ranked by the sort keys, keeping ranks {@code m + 1 .. m + n} without the rank column, as Flink
 * plans it. The result updates (with retractions) as better rows arrive. An {@code ORDER BY} without
 * {@code LIMIT} is left alone (and refused later).
 */
public final class SortLimitToRankRule extends RelOptRule {
    public static final SortLimitToRankRule INSTANCE = new SortLimitToRankRule();

    @SuppressWarnings("deprecation")
    private SortLimitToRankRule() {
        super(operand(LogicalSort.class, any()), "SortLimitToRankRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalSort sort = call.rel(0);
        if (sort.fetch == null) {
            return;
        }
        long offset = literal(sort.offset, 0);
        long fetch = literal(sort.fetch, -1);
        if (offset < 0 || fetch < 0) {
            return;
        }
        if (fetch == 0) {
            call.transformTo(call.builder().push(sort.getInput()).empty().build());
            return;
        }
        call.transformTo(new LogicalRank(sort.getCluster(), sort.getInput().getTraitSet(), sort.getInput(),
            ImmutableBitSet.of(), sort.getCollation(), LogicalRank.Kind.ROW_NUMBER, offset + 1, offset + fetch, false,
            TimeAttribute.NONE, sort.getInput().getRowType()));
    }

    private static long literal(RexNode node, long absent) {
        if (node == null) {
            return absent;
        }
        if (!(node instanceof RexLiteral)) {
            return -1;
        }
        BigDecimal v = ((RexLiteral) node).getValueAs(BigDecimal.class);
        return v == null ? -1 : v.longValueExact();
    }
}
