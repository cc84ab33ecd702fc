package io.weir.planner.exec;

import io.weir.checkpoint.config.Configuration;
import io.weir.codegen.CodeGenerator;
import io.weir.planner.PlannerOptions;
import io.weir.planner.ValidationException;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.explain.PlanPrinter;
import io.weir.planner.physical.StreamPhysicalJoin;
import io.weir.planner.physical.StreamPhysicalTemporalJoin;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.planner.properties.TimeAttribute;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.sql.join.JoinType;
import io.weir.runtime.operators.sql.join.ProcTimeTemporalJoinOperator;
import io.weir.runtime.operators.sql.join.TemporalJoinOperator;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.time.ZoneId;
import java.util.Set;

/**
 * Translates a {@link StreamPhysicalTemporalJoin} into its {@link OperatorSpec.TemporalJoin}, checking
 * with the physical properties what makes the right input a versioned table (Flink's rules and
 * messages): {@code AS OF} a time attribute of the left input, a primary key (unique key) of the right
 * input within the equi-join keys, and for event time a rowtime in the right input.
 */
final class TemporalJoinTranslation {
    private TemporalJoinTranslation() {
    }

    static OperatorSpec spec(StreamPhysicalTemporalJoin join, PhysicalProperties props, Configuration conf, RowType out) {
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        TimeAttribute asOf = props.timeAttributes(left)[join.leftTimeIndex()];
        if (asOf == TimeAttribute.NONE) {
            throw new ValidationException("Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left"
                + " table's time attribute field, but '" + left.getRowType().getFieldNames().get(join.leftTimeIndex())
                + "' is not a time attribute (declare a WATERMARK for it, or use a PROCTIME() column)");
        }
        Set<ImmutableBitSet> keys = props.uniqueKeys(right);
        if (keys == null || keys.isEmpty()) {
            throw new ValidationException("Temporal Table Join requires primary key in versioned table, but no"
                + " primary key can be found. The versioned table is: " + PlanPrinter.describe(leaf(right)));
        }
        if (!StreamPhysicalJoin.containsKey(keys, join.rightKeys())) {
            throw new ValidationException("Temporal Table Join requires the primary key of the versioned table in the"
                + " join's equality condition, but the join keys " + names(right, join.rightKeys()) + " contain none of"
                + " its keys " + keyNames(right, keys));
        }
        int rightTime = -1;
        boolean rowtime = asOf == TimeAttribute.ROWTIME;
        if (rowtime) {
            TimeAttribute[] rt = props.timeAttributes(right);
            for (int i = 0; i < rt.length && rightTime < 0; i++) {
                rightTime = rt[i] == TimeAttribute.ROWTIME ? i : -1;
            }
            if (rightTime < 0) {
                rightTime = versionedViewRowtime(right);
            }
            if (rightTime < 0) {
                throw new ValidationException("Event-Time Temporal Table Join requires both primary key and row time"
                    + " attribute in versioned table, but no row time attribute can be found.");
            }
        }
        return new OperatorSpec.TemporalJoin(join.joinType().name(), RelTypes.toRowType(left.getRowType()),
            RelTypes.toRowType(right.getRowType()), left.getRowType(), right.getRowType(), toArray(join.leftKeys()),
            toArray(join.rightKeys()), join.condition(), rowtime, join.leftTimeIndex(), rightTime,
            conf.get(PlannerOptions.STATE_TTL), out);
    }

    static OperatorFactory factory(OperatorSpec.TemporalJoin j, CodeGenerator codegen, String name, String uid,
                                   ZoneId zone) {
        var condition = j.condition() == null ? null
            : codegen.joinCondition(j.calciteLeftType(), j.calciteRightType(), j.condition());
        JoinType type = JoinType.valueOf(j.joinType());
        KeySelector leftKey = KeySelector.ofFields(j.leftKeys());
        KeySelector rightKey = KeySelector.ofFields(j.rightKeys());
        RowType keyType = j.leftType().project(j.leftKeys());
        if (j.rowtime()) {
            return TemporalJoinOperator.factory(name, uid, type, leftKey, rightKey, keyType, j.leftType(),
                j.rightType(), j.leftTimeIndex(), j.rightTimeIndex(), condition, zone);
        }
        return ProcTimeTemporalJoinOperator.factory(name, uid, type, leftKey, rightKey, keyType, j.leftType(),
            j.rightType(), condition, OperatorFactories.ttl(j.stateTtl()), zone);
    }

    /**
     * The rowtime field of a versioned view: a deduplication keeping the last (or first) row per key
     * by rowtime, possibly under projections. Its output is updating, so the planner no longer marks
     * the field a time attribute, but each of its rows is a version starting at that time.
     *
     * @return the field's position in {@code rel}'s output, or -1
     */
    private static int versionedViewRowtime(RelNode rel) {
        if (rel instanceof io.weir.planner.physical.StreamPhysicalExchange) {
            return versionedViewRowtime(((io.weir.planner.physical.StreamPhysicalExchange) rel).getInput());
        }
        if (rel instanceof io.weir.planner.physical.StreamPhysicalRank) {
            var rank = (io.weir.planner.physical.StreamPhysicalRank) rel;
            return rank.dedupTime() == TimeAttribute.ROWTIME
                ? rank.orderKey().getFieldCollations().get(0).getFieldIndex() : -1;
        }
        if (rel instanceof io.weir.planner.physical.StreamPhysicalCalc) {
            var calc = (io.weir.planner.physical.StreamPhysicalCalc) rel;
            int t = versionedViewRowtime(calc.getInput());
            java.util.List<org.apache.calcite.rex.RexNode> projects = calc.projects();
            for (int i = 0; i < projects.size() && t >= 0; i++) {
                if (projects.get(i) instanceof org.apache.calcite.rex.RexInputRef
                    && ((org.apache.calcite.rex.RexInputRef) projects.get(i)).getIndex() == t) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The first source below {@code rel}, to name the versioned table. */
    private static RelNode leaf(RelNode rel) {
        return rel.getInputs().isEmpty() ? rel : leaf(rel.getInput(0));
    }

    private static int[] toArray(java.util.List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String names(RelNode rel, java.util.List<Integer> fields) {
        java.util.List<String> n = new java.util.ArrayList<>();
        fields.forEach(i -> n.add(rel.getRowType().getFieldNames().get(i)));
        return n.toString();
    }

    private static String keyNames(RelNode rel, Set<ImmutableBitSet> keys) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (ImmutableBitSet k : keys) {
            out.add(names(rel, k.asList()));
        }
        java.util.Collections.sort(out);
        return String.join(", ", out);
    }
}
