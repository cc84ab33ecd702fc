package io.weir.planner.logical;

import io.weir.planner.schema.TableDescriptor;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * A lookup join: {@code input JOIN t FOR SYSTEM_TIME AS OF input.proctime ON ...} where {@code t} is a
 * table whose connector supports lookups (Flink's {@code LookupTableSource}). Each input row looks up
 * the rows of {@code t} whose fields {@code lookupKeys} equal the row's fields {@code inputKeys} (key
 * expressions were computed into fields of the input beforehand). Its only input is the probe side:
 * the table is no stream. Output: the input's fields, then the looked-up fields
 * ({@link LookupTable#projection()}), nullable for {@code LEFT}. {@code condition} is the residual
 * condition over that output row, or null. Made by {@code io.weir.planner.rules.TemporalJoinRule}.
 */
public final class LogicalLookupJoin extends SingleRel {
    private final LookupTable table;
    private final JoinRelType joinType;
    private final List<Integer> inputKeys;
    private final List<Integer> lookupKeys;
    private final RexNode condition;

    public LogicalLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode input, LookupTable table,
                             JoinRelType joinType, List<Integer> inputKeys, List<Integer> lookupKeys, RexNode condition,
                             RelDataType rowType) {
        super(cluster, traits, input);
        this.table = table;
        this.joinType = joinType;
        this.inputKeys = List.copyOf(inputKeys);
        this.lookupKeys = List.copyOf(lookupKeys);
        this.condition = condition;
        this.rowType = rowType;
    }

    /**
     * The looked-up table: its descriptor, Calcite table, produced row (physical columns) and the
     * positions in it of the fields the join reads ({@code projection}, pushed into the source).
     */
    public record LookupTable(TableDescriptor descriptor, RelOptTable relOptTable, RelDataType producedType,
                              int[] projection) {
        /** The looked-up rows' type: the projected fields of the produced row. */
        public RelDataType rowType(org.apache.calcite.rel.type.RelDataTypeFactory typeFactory) {
            List<org.apache.calcite.rel.type.RelDataTypeField> all = producedType.getFieldList();
            org.apache.calcite.rel.type.RelDataTypeFactory.Builder b = typeFactory.builder();
            for (int p : projection) {
                b.add(all.get(p));
            }
            return b.build();
        }
    }

    /** The output row: {@code input}'s fields, then the looked-up fields (nullable for LEFT), names made unique. */
    public static RelDataType joinedType(org.apache.calcite.rel.type.RelDataTypeFactory tf, RelDataType input,
                                         LookupTable table, JoinRelType type) {
        List<String> names = new java.util.ArrayList<>(input.getFieldNames());
        List<RelDataType> types = new java.util.ArrayList<>();
        input.getFieldList().forEach(f -> types.add(f.getType()));
        for (org.apache.calcite.rel.type.RelDataTypeField f : table.rowType(tf).getFieldList()) {
            names.add(f.getName());
            types.add(type == JoinRelType.LEFT ? tf.createTypeWithNullability(f.getType(), true) : f.getType());
        }
        return tf.createStructType(types, org.apache.calcite.sql.validate.SqlValidatorUtil.uniquify(names, true));
    }

    public LookupTable table() {
        return table;
    }

    public JoinRelType joinType() {
        return joinType;
    }

    /** Input fields holding the key values, one per lookup key. */
    public List<Integer> inputKeys() {
        return inputKeys;
    }

    /** Fields of the looked-up row ({@link LookupTable#projection()} positions) matched by the keys. */
    public List<Integer> lookupKeys() {
        return lookupKeys;
    }

    /** The residual condition over {@code input ++ looked-up row}, or null. */
    public RexNode condition() {
        return condition;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new LogicalLookupJoin(getCluster(), traitSet, inputs.get(0), table, joinType, inputKeys, lookupKeys,
            condition, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("table", table.descriptor().qualifiedName()).item("joinType", joinType)
            .item("inputKeys", inputKeys).item("lookupKeys", lookupKeys).item("condition", condition)
            .item("projection", java.util.Arrays.toString(table.projection()));
    }
}
