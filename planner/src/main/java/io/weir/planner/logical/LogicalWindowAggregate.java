package io.weir.planner.logical;

import io.weir.planner.explain.PlanFormat;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;

/**
 * An aggregation per window of a windowing table function, grouped by {@code window_start},
 * {@code window_end} and {@code grouping}. Output: the grouping fields, the aggregates, then
 * {@code window_start}, {@code window_end}, {@code window_time}.
 */
public final class LogicalWindowAggregate extends SingleRel {
    private final ImmutableBitSet grouping;
    private final List<AggregateCall> aggCalls;
    private final WindowSpec window;

    public LogicalWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, ImmutableBitSet grouping,
                                  List<AggregateCall> aggCalls, WindowSpec window) {
        super(cluster, traits, input);
        this.grouping = grouping;
        this.aggCalls = List.copyOf(aggCalls);
        this.window = window;
    }

    public ImmutableBitSet grouping() {
        return grouping;
    }

    public List<AggregateCall> aggCalls() {
        return aggCalls;
    }

    public WindowSpec window() {
        return window;
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType(getCluster().getTypeFactory(), getInput().getRowType(), grouping, aggCalls, window);
    }

    /** The output row: grouping fields, aggregates, window_start, window_end, window_time. */
    public static RelDataType rowType(RelDataTypeFactory tf, RelDataType input, ImmutableBitSet grouping,
                                      List<AggregateCall> aggCalls, WindowSpec window) {
        RelDataTypeFactory.Builder b = tf.builder();
        for (int g : grouping) {
            b.add(input.getFieldList().get(g));
        }
        for (int i = 0; i < aggCalls.size(); i++) {
            String name = aggCalls.get(i).getName() == null ? "EXPR$" + i : aggCalls.get(i).getName();
            b.add(name, aggCalls.get(i).getType());
        }
        RelDataType ts = tf.createSqlType(SqlTypeName.TIMESTAMP, 3);
        RelDataType timeType = input.getFieldList().get(window.timeIndex()).getType();
        b.add("window_start", ts).add("window_end", ts)
            .add("window_time", tf.createTypeWithNullability(timeType, false));
        return b.uniquify().build();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalWindowAggregate(getCluster(), traitSet, sole(inputs), grouping, aggCalls, window);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        return super.explainTerms(pw)
            .itemIf("groupBy", PlanFormat.fieldList(in, grouping.asList()), !grouping.isEmpty())
            .item("window", window)
            .item("select", PlanFormat.aggSelect(in, grouping.asList(), aggCalls, getRowType().getFieldNames()));
    }
}
