package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.planner.properties.ChangelogModes;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import io.weir.runtime.data.RowKind;
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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The regular (unbounded) streaming join, or with {@link #interval()} the interval join, of two inputs, each behind a hash exchange on its equi-join
 * keys (a single exchange when there are none). Output: the left row's fields, then the right's.
 *
 * <p>The operator ({@code StreamingJoinOperator}) needs: the join type, the key fields of each
 * side, the residual {@link #condition()} over {@code left ++ right} (null for none), whether a
 * NULL key matches nothing ({@link #filterNullKeys()}), each side's state layout
 * ({@link #inputSpec}, from its unique keys and changelog mode), and {@code table.exec.state.ttl}.
 * It emits {@code +I} and {@code -D} rows: an inner join of insert-only inputs is insert-only;
 * outer joins (and updating inputs) retract. The interval join ({@code IntervalJoinOperator}) also
 * needs the time fields and bounds; it takes and emits inserts only.
 */
public final class StreamPhysicalJoin extends BiRel implements StreamPhysicalRel {
    private final JoinRelType joinType;
    private final List<Integer> leftKeys;
    private final List<Integer> rightKeys;
    private final RexNode condition;
    private final boolean filterNullKeys;
    private final IntervalBounds interval;

    public StreamPhysicalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                              JoinRelType joinType, List<Integer> leftKeys, List<Integer> rightKeys,
                              RexNode condition, boolean filterNullKeys, IntervalBounds interval, RelDataType rowType) {
        super(cluster, traits, left, right);
        this.joinType = joinType;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.condition = condition;
        this.filterNullKeys = filterNullKeys;
        this.interval = interval;
        this.rowType = rowType;
    }

    public JoinRelType joinType() {
        return joinType;
    }

    /** Equi-join key positions in the left input. */
    public List<Integer> leftKeys() {
        return leftKeys;
    }

    /** Equi-join key positions in the right input, pairwise with {@link #leftKeys()}. */
    public List<Integer> rightKeys() {
        return rightKeys;
    }

    /** The residual non-equi condition over {@code left ++ right}, or null. */
    public RexNode condition() {
        return condition;
    }

    /** True when keys compare with {@code =} (NULL matches nothing), false for {@code IS NOT DISTINCT FROM}. */
    public boolean filterNullKeys() {
        return filterNullKeys;
    }

    /** The time bounds of an interval join, or null for a regular join. */
    public IntervalBounds interval() {
        return interval;
    }

    /**
     * The state layout of one input of a regular join, named as EXPLAIN prints it
     * ({@code leftInputSpec=[...]}): Flink's three names plus {@code AppendOnly}.
     *
     * @param uniqueKey the input positions of the unique key kept by {@code HasUniqueKey}, else null
     */
    public record InputSpec(String name, int[] uniqueKey) {
        public static final String JOIN_KEY_CONTAINS_UNIQUE_KEY = "JoinKeyContainsUniqueKey";
        public static final String HAS_UNIQUE_KEY = "HasUniqueKey";
        public static final String NO_UNIQUE_KEY = "NoUniqueKey";
        public static final String APPEND_ONLY = "AppendOnly";
    }

    /**
     * The state layout of input {@code input} (0 = left, 1 = right) of this regular join: one row per
     * join key when the join key contains a unique key of the input; else rows by the smallest unique
     * key; else, when the input is insert-only and the join type does not preserve this side (so its
     * rows need no association counts), an append-only list; else rows with counts.
     */
    public InputSpec inputSpec(int input, PhysicalProperties props) {
        RelNode in = getInput(input);
        List<Integer> joinKeys = input == 0 ? leftKeys : rightKeys;
        Set<ImmutableBitSet> keys = props.uniqueKeys(in);
        if (!joinKeys.isEmpty() && containsKey(keys, joinKeys)) {
            return new InputSpec(InputSpec.JOIN_KEY_CONTAINS_UNIQUE_KEY, null);
        }
        ImmutableBitSet smallest = keys.stream().min(Comparator.comparingInt(ImmutableBitSet::cardinality)
            .thenComparing(ImmutableBitSet::toString)).orElse(null);
        if (smallest != null) {
            return new InputSpec(InputSpec.HAS_UNIQUE_KEY, smallest.toArray());
        }
        boolean preserved = input == 0
            ? joinType == JoinRelType.LEFT || joinType == JoinRelType.FULL
            : joinType == JoinRelType.RIGHT || joinType == JoinRelType.FULL;
        if (!preserved && props.changelogMode(in).isInsertOnly()) {
            return new InputSpec(InputSpec.APPEND_ONLY, null);
        }
        return new InputSpec(InputSpec.NO_UNIQUE_KEY, null);
    }

    /** EXPLAIN's {@code leftInputSpec=[...], rightInputSpec=[...]} of a regular join (empty for an interval join). */
    public String explainInputSpecs(PhysicalProperties props) {
        if (interval != null) {
            return "";
        }
        return "leftInputSpec=[" + inputSpec(0, props).name() + "], rightInputSpec=[" + inputSpec(1, props).name() + "]";
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), joinType, leftKeys,
            rightKeys, condition, filterNullKeys, interval, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return interval == null ? "Join" : "IntervalJoin";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        if (interval != null) {
            if (!inputModes.get(0).isInsertOnly() || !inputModes.get(1).isInsertOnly()) {
                throw new io.weir.planner.ValidationException("not supported yet: an interval join over an updating"
                    + " input (" + io.weir.planner.explain.PlanPrinter.describe(this) + "); interval joins take"
                    + " insert-only inputs");
            }
            return ChangelogMode.insertOnly();
        }
        for (ChangelogMode m : inputModes) {
            ChangelogModes.checkRetracting(m, this);
        }
        boolean insertOnly = joinType == JoinRelType.INNER && inputModes.get(0).isInsertOnly()
            && inputModes.get(1).isInsertOnly();
        return insertOnly ? ChangelogMode.insertOnly() : ChangelogModes.of(EnumSet.of(RowKind.INSERT, RowKind.DELETE));
    }

    /** The join retracts joined rows for the retractions of its inputs, so it needs the old rows. */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return true;
    }

    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        int shift = getLeft().getRowType().getFieldCount();
        Set<ImmutableBitSet> left = inputKeys.get(0);
        Set<ImmutableBitSet> right = new HashSet<>();
        inputKeys.get(1).forEach(k -> right.add(k.shift(shift)));
        Set<ImmutableBitSet> out = new HashSet<>();
        for (ImmutableBitSet l : left) {
            for (ImmutableBitSet r : right) {
                out.add(l.union(r));
            }
        }
        boolean rightUniqueByKey = containsKey(inputKeys.get(1), rightKeys);
        boolean leftUniqueByKey = containsKey(left, leftKeys);
        if (rightUniqueByKey && (joinType == JoinRelType.INNER || joinType == JoinRelType.LEFT)) {
            out.addAll(left);
        }
        if (leftUniqueByKey && (joinType == JoinRelType.INNER || joinType == JoinRelType.RIGHT)) {
            out.addAll(right);
        }
        return out;
    }

    /** True if one of {@code keys} lies within {@code fields}. */
    public static boolean containsKey(Set<ImmutableBitSet> keys, List<Integer> fields) {
        ImmutableBitSet f = ImmutableBitSet.of(fields);
        return keys.stream().anyMatch(k -> f.contains(k));
    }

    /**
     * Rowtime attributes become plain timestamps after a regular join (it does not keep rows in time
     * order). A rowtime interval join holds its output watermark back by its bounds, so the time
     * columns of both sides stay rowtime attributes; other rowtime columns become plain timestamps.
     */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        List<TimeAttribute> all = new ArrayList<>(List.of(inputs.get(0)));
        all.addAll(List.of(inputs.get(1)));
        TimeAttribute[] out = new TimeAttribute[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i) == TimeAttribute.PROCTIME ? TimeAttribute.PROCTIME : TimeAttribute.NONE;
        }
        if (interval != null && interval.rowtime()) {
            int shift = getLeft().getRowType().getFieldCount();
            out[interval.leftTimeIndex()] = TimeAttribute.ROWTIME;
            out[shift + interval.rightTimeIndex()] = TimeAttribute.ROWTIME;
        }
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> names = getRowType().getFieldNames();
        int shift = getLeft().getRowType().getFieldCount();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            keys.add(names.get(leftKeys.get(i)) + (filterNullKeys ? " = " : " IS NOT DISTINCT FROM ")
                + names.get(rightKeys.get(i) + shift));
        }
        return super.explainTerms(pw)
            .item("joinType", joinType.name())
            .itemIf("windowBounds", interval == null ? "" : interval.rowtime() ? "isRowTime=true, leftTime="
                + names.get(interval.leftTimeIndex()) + ", rightTime=" + names.get(interval.rightTimeIndex() + shift)
                + ", leftLowerBound=" + interval.lower() + ", leftUpperBound=" + interval.upper()
                : "isRowTime=false, leftTime=" + names.get(interval.leftTimeIndex()) + ", rightTime="
                + names.get(interval.rightTimeIndex() + shift) + ", leftLowerBound=" + interval.lower()
                + ", leftUpperBound=" + interval.upper(), interval != null)
            .item("where", keys.isEmpty() ? "true" : String.join(" AND ", keys))
            .itemIf("residual", condition == null ? "" : PlanFormat.expr(condition, names), condition != null)
            .item("select", String.join(", ", names));
    }
}
