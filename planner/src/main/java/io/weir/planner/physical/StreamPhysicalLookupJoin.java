package io.weir.planner.physical;

import io.weir.planner.explain.PlanFormat;
import io.weir.planner.logical.LogicalLookupJoin.LookupTable;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.connector.ChangelogMode;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lookup join, {@code INNER} or {@code LEFT} (see {@code LogicalLookupJoin}): each input row looks
 * up the table's rows whose {@link #lookupKeys()} equal its {@link #inputKeys()}, at once, in the
 * input's task (no exchange). Output: input fields then the looked-up fields, with the input row's
 * kind, so any input changelog passes through. The looked-up table is a cache, not state.
 */
public final class StreamPhysicalLookupJoin extends SingleRel implements StreamPhysicalRel {
    private final LookupTable table;
    private final JoinRelType joinType;
    private final List<Integer> inputKeys;
    private final List<Integer> lookupKeys;
    private final RexNode condition;

    public StreamPhysicalLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode input, LookupTable table,
                                    JoinRelType joinType, List<Integer> inputKeys, List<Integer> lookupKeys,
                                    RexNode condition, RelDataType rowType) {
        super(cluster, traits, input);
        this.table = table;
        this.joinType = joinType;
        this.inputKeys = List.copyOf(inputKeys);
        this.lookupKeys = List.copyOf(lookupKeys);
        this.condition = condition;
        this.rowType = rowType;
    }

    public LookupTable table() {
        return table;
    }

    public JoinRelType joinType() {
        return joinType;
    }

    public List<Integer> inputKeys() {
        return inputKeys;
    }

    public List<Integer> lookupKeys() {
        return lookupKeys;
    }

    /** The residual condition over {@code input ++ looked-up row}, or null. */
    public RexNode condition() {
        return condition;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new StreamPhysicalLookupJoin(getCluster(), traitSet, inputs.get(0), table, joinType, inputKeys,
            lookupKeys, condition, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public String explainName() {
        return "LookupJoin";
    }

    @Override
    public ChangelogMode changelogMode(List<ChangelogMode> inputModes, boolean updateBeforeRequired) {
        return inputModes.get(0);
    }

    /**
     * Without a primary key of the table among the lookup keys, one input row may join several rows,
     * so updates are no longer keyed by the input's key: {@code -U} rows are needed to retract them.
     */
    @Override
    public boolean requiresUpdateBefore(int input, boolean updateBeforeRequired) {
        return updateBeforeRequired || !atMostOneMatch();
    }

    /** The input's keys stay keys when each row matches at most one row (the table's primary key is looked up). */
    @Override
    public Set<ImmutableBitSet> uniqueKeys(List<Set<ImmutableBitSet>> inputKeys) {
        return atMostOneMatch() ? inputKeys.get(0) : Set.of();
    }

    private boolean atMostOneMatch() {
        List<String> pk = table.descriptor().primaryKey();
        if (pk.isEmpty()) {
            return false;
        }
        List<String> names = table.producedType().getFieldNames();
        List<String> keyNames = new ArrayList<>();
        lookupKeys.forEach(k -> keyNames.add(names.get(table.projection()[k])));
        return keyNames.containsAll(pk);
    }

    /** The input's time attributes stay; the looked-up fields are plain values. */
    @Override
    public TimeAttribute[] timeAttributes(List<TimeAttribute[]> inputs) {
        TimeAttribute[] out = TimeAttribute.none(getRowType().getFieldCount());
        System.arraycopy(inputs.get(0), 0, out, 0, inputs.get(0).length);
        return out;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> names = getRowType().getFieldNames();
        int shift = getInput().getRowType().getFieldCount();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < inputKeys.size(); i++) {
            keys.add(names.get(lookupKeys.get(i) + shift) + "=" + keyExpression(inputKeys.get(i)));
        }
        return pw.item("table", table.descriptor().qualifiedName())
            .item("joinType", joinType == JoinRelType.LEFT ? "LeftOuterJoin" : "InnerJoin")
            .item("lookup", String.join(", ", keys))
            .itemIf("where", condition == null ? "" : PlanFormat.expr(condition, names), condition != null)
            .item("select", String.join(", ", names));
    }

    /** The key as written: a field, or the expression a Calc below computed it with (Flink shows {@code $f5}). */
    private String keyExpression(int field) {
        RelNode in = getInput();
        if (in instanceof StreamPhysicalCalc) {
            RexNode e = ((StreamPhysicalCalc) in).projects().get(field);
            if (!(e instanceof RexInputRef)) {
                return PlanFormat.expr(e, in.getInput(0).getRowType().getFieldNames());
            }
        }
        return in.getRowType().getFieldNames().get(field);
    }
}
