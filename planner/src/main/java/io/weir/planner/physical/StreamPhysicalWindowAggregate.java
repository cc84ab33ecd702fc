package io.weir.planner.physical;

import io.weir.planner.ValidationException;
import io.weir.planner.explain.PlanFormat;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Set;

/**
 * Aggregation per window of a windowing TVF ({@code TUMBLE}, {@code HOP}, {@code CUMULATE},
 * {@code SESSION}), keyed by {@link #grouping()}. Output: grouping fields, aggregates,
 * {@code window_start}, {@code window_end}, {@code window_time}. Emits inserts only, when the
 * watermark (rowtime) or the clock (proctime) passes a window's end.
 *
 * <p>The operator needs: the key fields, {@link #window()} (kind, sizes in ms, the input field
 * of the time attribute, whether it is rowtime — {@code isRowtime} from the time-attribute
 * analysis), and the generated {@code NamespaceAggsHandle} of {@link #aggCalls()} with
 * {@code merge} (HOP and CUMULATE keep one accumulator per slice and merge slices per window;
 * SESSION merges windows). Late rows (event time at or below the watermark's window end) are
 * dropped and counted; fired windows' state is cleaned by timers.
 *
 * <p>A cascaded window aggregation ({@code window.attached()}) reads each row's window from the
 * input's {@code window_end} column ({@code window.timeIndex()}); it is always on rowtime.
 */
public final class StreamPhysicalWindowAggregate extends SingleRel implements StreamPhysicalRel {
    private final ImmutableBitSet grouping;
    private final List<AggregateCall> aggCalls;
    private final WindowSpec window;

    public StreamPhysicalWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                         ImmutableBitSet grouping, List<AggregateCall> aggCalls,
                                         WindowSpec window, RelDataType rowType) {
        super(cluster, traits, input);
        this.grouping = grouping;
        this.aggCalls = List.copyOf(aggCalls);
        this.window = window;
        this.rowType = rowType;
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
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalWindowAggregate(getCluster(), traitSet, sole(inputs), grouping, aggCalls, window, rowType);
    }

    @Override
    public String explainName() {
        return "WindowAggregate";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        if (!inputModes.get(0).isInsertOnly()) {
            throw new ValidationException("not supported yet: a " + window.kind()
                + " window aggregation over an updating input (changelogMode="
                + io.weir.planner.properties.ChangelogModes.explain(inputModes.get(0))
                + "); window aggregations consume insert-only streams");
        }
        return ChangelogMode.insertOnly();
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        int n = grouping.cardinality() + aggCalls.size();
        return Set.of(ImmutableBitSet.range(grouping.cardinality()).union(ImmutableBitSet.of(n, n + 1)));
    }

    /**
     * {@code window_time} stays a time attribute of the window's kind; the time column must be one. A
     * window-attached (cascaded) aggregation is on rowtime: the planner makes one only over a rowtime window.
     */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute time = window.attached() ? TimeAttribute.ROWTIME : inputs.get(0)[window.timeIndex()];
        if (time == TimeAttribute.NONE) {
            throw new ValidationException("not supported in streaming: the time column '" + window.timeColumn()
                + "' of the " + window.kind() + " window is not a time attribute; declare a WATERMARK for it"
                + " or use a PROCTIME() column");
        }
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        out[out.length - 1] = time;
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        List<String> out = getRowType().getFieldNames();
        int n = grouping.cardinality() + aggCalls.size();
        String select = PlanFormat.aggSelect(in, grouping.asList(), aggCalls, out)
            + ", start('w$) AS " + out.get(n) + ", end('w$) AS " + out.get(n + 1) + ", rowtime('w$) AS " + out.get(n + 2);
        return super.explainTerms(pw)
            .itemIf("groupBy", PlanFormat.fieldList(in, grouping.asList()), !grouping.isEmpty())
            .item("window", window.withTimeColumn(in.get(window.timeIndex())))
            .item("select", select);
    }
}
