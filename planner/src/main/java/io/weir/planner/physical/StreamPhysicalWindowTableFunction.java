package io.weir.planner.physical;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Set;

/**
 * Window assignment ({@code WindowTableFunction}): each row once per {@code TUMBLE}/{@code HOP}/
 * {@code CUMULATE} window containing it, with {@code window_start}, {@code window_end},
 * {@code window_time} appended. Stateless, insert-only in and out.
 *
 * <p>The operator ({@code WindowTableFunctionOperator}) needs the window (kind, sizes in ms), the
 * input field of the time attribute and whether it is rowtime (from the time-attribute analysis).
 * The input's time attributes stay; {@code window_time} is one of the window's kind.
 */
public final class StreamPhysicalWindowTableFunction extends SingleRel implements StreamPhysicalRel {
    private final WindowSpec window;

    public StreamPhysicalWindowTableFunction(RelOptCluster cluster, RelTraitSet traits, RelNode input,
                                             WindowSpec window, RelDataType rowType) {
        super(cluster, traits, input);
        this.window = window;
        this.rowType = rowType;
    }

    public WindowSpec window() {
        return window;
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalWindowTableFunction(getCluster(), traitSet, sole(inputs), window, rowType);
    }

    @Override
    public String explainName() {
        return "WindowTableFunction";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        if (!inputModes.get(0).isInsertOnly()) {
            throw new ValidationException("not supported yet: a " + window.kind() + " windowing table function over"
                + " an updating input (changelogMode=" + ChangelogModes.explain(inputModes.get(0))
                + "); windowing table functions consume insert-only streams");
        }
        return ChangelogMode.insertOnly();
    }

    /** HOP and CUMULATE repeat a row per window, so input keys stay unique only with the window. */
    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        int n = getInput().getRowType().getFieldCount();
        Set<ImmutableBitSet> out = new java.util.HashSet<>();
        inputKeys.get(0).forEach(k -> out.add(k.union(ImmutableBitSet.of(n, n + 1))));
        return out;
    }

    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] in = inputs.get(0);
        TimeAttribute time = in[window.timeIndex()];
        if (time == TimeAttribute.NONE) {
            throw new ValidationException("not supported in streaming: the time column '" + window.timeColumn()
                + "' of the " + window.kind() + " window is not a time attribute; declare a WATERMARK for it"
                + " or use a PROCTIME() column");
        }
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        System.arraycopy(in, 0, out, 0, in.length);
        out[out.length - 1] = time;
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> in = getInput().getRowType().getFieldNames();
        return super.explainTerms(pw).item("window", new WindowSpec(window.kind(), window.timeIndex(),
            in.get(window.timeIndex()), window.sizeMillis(), window.slideMillis(), window.offsetMillis()));
    }
}
