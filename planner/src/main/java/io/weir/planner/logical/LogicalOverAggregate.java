package io.weir.planner.logical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * OVER aggregation of one window: {@code aggCalls OVER (PARTITION BY partitionKey ORDER BY
 * field timeIndex ROWS|RANGE BETWEEN UNBOUNDED|preceding PRECEDING AND CURRENT ROW)}; output: the
 * input fields, then one field per call. {@code preceding} is -1 for UNBOUNDED, else rows (ROWS) or
 * milliseconds (RANGE). Recognized from a {@code LogicalWindow} by {@code io.weir.planner.rules.OverAggregateRule}.
 */
public final class LogicalOverAggregate extends SingleRel {
    private final ImmutableBitSet partitionKey;
    private final int timeIndex;
    private final boolean rowtime;
    private final boolean rows;
    private final long preceding;
    private final List<AggregateCall> aggCalls;

    public LogicalOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet partitionKey,
                                int timeIndex, boolean rowtime, boolean rows, long preceding,
                                List<AggregateCall> aggCalls, RelDataType rowType) {
        super(cluster, traits, input);
        this.partitionKey = partitionKey;
        this.timeIndex = timeIndex;
        this.rowtime = rowtime;
        this.rows = rows;
        this.preceding = preceding;
        this.aggCalls = List.copyOf(aggCalls);
        this.rowType = rowType;
    }

    public ImmutableBitSet partitionKey() { return partitionKey; }

    public int timeIndex() { return timeIndex; }

    public boolean rowtime() { return rowtime; }

    public boolean rows() { return rows; }

    public long preceding() { return preceding; }

    public List<AggregateCall> aggCalls() { return aggCalls; }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalOverAggregate(getCluster(), traitSet, sole(inputs), partitionKey, timeIndex, rowtime, rows,
            preceding, aggCalls, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("partitionBy", partitionKey).item("orderBy", timeIndex)
            .item("rows", rows).item("preceding", preceding).item("aggs", aggCalls);
    }
}
