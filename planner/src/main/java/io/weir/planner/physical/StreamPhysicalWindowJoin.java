package io.weir.planner.physical;

import io.weir.planner.ValidationException;
import io.weir.planner.explain.PlanFormat;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The window join ({@code WindowJoin}) of two inputs windowed by the same window, each behind a hash
 * exchange on its equi-join keys (single when there are none). Output: left fields then right fields;
 * insert-only in and out, emitted when the window closes.
 *
 * <p>The operator ({@code WindowJoinOperator}) needs the join type, the key fields of each side, the
 * residual {@link #condition()} over {@code left ++ right} (which also re-checks nullable keys with
 * {@code =}, so that NULL keys match nothing), the window-end field of each side and whether the window
 * is on rowtime (both sides must agree).
 */
public final class StreamPhysicalWindowJoin extends BiRel implements StreamPhysicalRel {
    private final JoinRelType joinType;
    private final List<Integer> leftKeys;
    private final List<Integer> rightKeys;
    private final RexNode condition;
    private final int leftWindowEnd;
    private final int rightWindowEnd;
    private final WindowSpec window;

    public StreamPhysicalWindowJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                                    JoinRelType joinType, List<Integer> leftKeys, List<Integer> rightKeys,
                                    RexNode condition, int leftWindowEnd, int rightWindowEnd, WindowSpec window,
                                    RelDataType rowType) {
        super(cluster, traits, left, right);
        this.joinType = joinType;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.condition = condition;
        this.leftWindowEnd = leftWindowEnd;
        this.rightWindowEnd = rightWindowEnd;
        this.window = window;
        this.rowType = rowType;
    }

    public JoinRelType joinType() { return joinType; }

    public List<Integer> leftKeys() { return leftKeys; }

    public List<Integer> rightKeys() { return rightKeys; }

    /** The residual condition over {@code left ++ right}, or null. */
    public RexNode condition() { return condition; }

    public int leftWindowEnd() { return leftWindowEnd; }

    public int rightWindowEnd() { return rightWindowEnd; }

    public WindowSpec window() { return window; }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalWindowJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType, leftKeys,
            rightKeys, condition, leftWindowEnd, rightWindowEnd, window, rowType);
    }

    @Override
    public String explainName() {
        return "WindowJoin";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        for (ChangelogMode m : inputModes) {
            if (!m.isInsertOnly()) {
                throw new ValidationException("not supported yet: a window join over an updating input"
                    + " (changelogMode=" + ChangelogModes.explain(m) + "); window joins consume insert-only streams");
            }
        }
        return ChangelogMode.insertOnly();
    }

    /**
     * Rows come out when the watermark passes their window's end, before the watermark itself, so the
     * inputs' time attributes stay time attributes (Flink: {@code window_time} after a window join), except
     * rowtime attributes on an outer join's null-generating side (they may be NULL).
     */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] left = inputs.get(0);
        TimeAttribute[] right = inputs.get(1);
        TimeAttribute[] out = new TimeAttribute[left.length + right.length];
        for (int i = 0; i < out.length; i++) {
            boolean isLeft = i < left.length;
            TimeAttribute t = isLeft ? left[i] : right[i - left.length];
            boolean nullable = isLeft ? joinType.generatesNullsOnLeft() : joinType.generatesNullsOnRight();
            out[i] = t == TimeAttribute.ROWTIME && nullable ? TimeAttribute.NONE : t;
        }
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> names = getRowType().getFieldNames();
        int shift = getLeft().getRowType().getFieldCount();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            keys.add(names.get(leftKeys.get(i)) + " = " + names.get(rightKeys.get(i) + shift));
        }
        String sizes = window.toString().substring(window.toString().indexOf("], ") + 3);
        return super.explainTerms(pw)
            .item("leftWindow", window.kind() + "(win_end=[" + names.get(leftWindowEnd) + "], " + sizes)
            .item("rightWindow", window.kind() + "(win_end=[" + names.get(rightWindowEnd + shift) + "], " + sizes)
            .item("joinType", joinType.name())
            .item("where", keys.isEmpty() ? "true" : String.join(" AND ", keys))
            .itemIf("residual", condition == null ? "" : PlanFormat.expr(condition, names), condition != null)
            .item("select", String.join(", ", names));
    }
}
