package io.weir.planner.physical;

import io.weir.planner.ValidationException;
import io.weir.planner.explain.PlanFormat;
import io.weir.planner.explain.PlanPrinter;
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
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The temporal (versioned table) join, {@code INNER} or {@code LEFT}: each row of the insert-only
 * left input joins the version of the right input (a versioned table: an upsert or changelog stream
 * with a primary key within the equi-join keys) valid at the left row's {@link #leftTimeIndex()}
 * field. Both inputs are hash-exchanged on the equi-keys. On a rowtime the operator
 * ({@code TemporalJoinOperator}) also needs the right input's rowtime and emits a left row once the
 * watermark passes its time; on a proctime ({@code ProcTimeTemporalJoinOperator}) it joins the
 * latest version at once. Output: left fields then right fields, insert-only. Whether the inputs
 * qualify (primary key, time attributes) is checked at translation, where the physical properties
 * are known.
 */
public final class StreamPhysicalTemporalJoin extends BiRel implements StreamPhysicalRel {
    private final JoinRelType joinType;
    private final List<Integer> leftKeys;
    private final List<Integer> rightKeys;
    private final RexNode condition;
    private final int leftTimeIndex;

    public StreamPhysicalTemporalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                                      JoinRelType joinType, List<Integer> leftKeys, List<Integer> rightKeys,
                                      RexNode condition, int leftTimeIndex, RelDataType rowType) {
        super(cluster, traits, left, right);
        this.joinType = joinType;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.condition = condition;
        this.leftTimeIndex = leftTimeIndex;
        this.rowType = rowType;
    }

    public JoinRelType joinType() {
        return joinType;
    }

    public List<Integer> leftKeys() {
        return leftKeys;
    }

    public List<Integer> rightKeys() {
        return rightKeys;
    }

    /** The residual condition over {@code left ++ right}, or null. */
    public RexNode condition() {
        return condition;
    }

    /** The left field of {@code FOR SYSTEM_TIME AS OF}. */
    public int leftTimeIndex() {
        return leftTimeIndex;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalTemporalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType, leftKeys,
            rightKeys, condition, leftTimeIndex, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return "TemporalJoin";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        if (!inputModes.get(0).isInsertOnly()) {
            throw new ValidationException("not supported yet: a temporal join whose left (probe) input is updating ("
                + PlanPrinter.describe(this) + "); the left input of FOR SYSTEM_TIME AS OF must be insert-only");
        }
        return ChangelogMode.insertOnly();
    }

    /** A version replaces the previous one of its key; the join needs no {@code -U} rows. */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return false;
    }

    /** Each left row joins at most one version: the left input's keys stay keys. */
    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return inputKeys.get(0);
    }

    /** The left input's time attributes stay (rows leave in watermark order); the right's rowtime does not. */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        List<TimeAttribute> all = new ArrayList<>(List.of(inputs.get(0)));
        for (TimeAttribute t : inputs.get(1)) {
            all.add(t == TimeAttribute.PROCTIME ? TimeAttribute.PROCTIME : TimeAttribute.NONE);
        }
        return all.toArray(new TimeAttribute[0]);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> names = getRowType().getFieldNames();
        int shift = getLeft().getRowType().getFieldCount();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            keys.add(names.get(leftKeys.get(i)) + " = " + names.get(rightKeys.get(i) + shift));
        }
        return super.explainTerms(pw)
            .item("joinType", joinType.name())
            .item("asOf", names.get(leftTimeIndex))
            .item("where", String.join(" AND ", keys))
            .itemIf("residual", condition == null ? "" : PlanFormat.expr(condition, names), condition != null)
            .item("select", String.join(", ", names));
    }
}
