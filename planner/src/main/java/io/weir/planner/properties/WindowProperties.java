package io.weir.planner.properties;

import io.weir.planner.logical.LogicalIntervalJoin;
import io.weir.planner.logical.LogicalWatermarkAssigner;
import io.weir.planner.logical.LogicalWindowAggregate;
import io.weir.planner.logical.LogicalWindowJoin;
import io.weir.planner.logical.LogicalWindowRank;
import io.weir.planner.logical.LogicalWindowTableFunction;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.physical.StreamPhysicalWindowAggregate;
import io.weir.planner.physical.StreamPhysicalWindowJoin;
import io.weir.planner.physical.StreamPhysicalWindowRank;
import io.weir.planner.physical.StreamPhysicalWindowTableFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The window columns of a relation (Flink's window properties): which output fields are the
 * {@code window_start}, {@code window_end} and {@code window_time} of which window, found by following
 * Calcs (plain field references), exchanges, window Top-N / deduplication (their input's window) and
 * window joins (both sides' window columns, except those of an outer join's null-generating side) down
 * to the node that assigned the window (a windowing TVF or a window aggregation, logical or physical;
 * for a join, the left side's). As Flink's {@code FlinkRelMdWindowProperties}. Planning thread only;
 * immutable.
 *
 * @param window the window (sizes; its time index is relative to {@code origin}'s input)
 * @param origin the node that assigned the window
 */
public record WindowProperties(WindowSpec window, ImmutableBitSet starts, ImmutableBitSet ends,
                               ImmutableBitSet times, RelNode origin) {

    /** The window columns of {@code rel}, or null if it has none of them (or no window). */
    public static WindowProperties of(RelNode rel) {
        WindowProperties p = trace(rel.stripped());
        return p == null || (p.starts.isEmpty() && p.ends.isEmpty() && p.times.isEmpty()) ? null : p;
    }

    /** Whether two windows are the same kind and sizes (the time columns may differ). */
    public static boolean sameWindow(WindowSpec a, WindowSpec b) {
        return a.kind() == b.kind() && a.sizeMillis() == b.sizeMillis() && a.slideMillis() == b.slideMillis()
            && a.offsetMillis() == b.offsetMillis();
    }

    private static WindowProperties trace(RelNode n) {
        if (n instanceof LogicalWindowTableFunction || n instanceof StreamPhysicalWindowTableFunction) {
            int k = n.getInput(0).getRowType().getFieldCount();
            WindowSpec w = n instanceof LogicalWindowTableFunction ? ((LogicalWindowTableFunction) n).window()
                : ((StreamPhysicalWindowTableFunction) n).window();
            return at(w, k, n);
        }
        if (n instanceof LogicalWindowAggregate || n instanceof StreamPhysicalWindowAggregate) {
            int k = n.getRowType().getFieldCount() - 3;
            WindowSpec w = n instanceof LogicalWindowAggregate ? ((LogicalWindowAggregate) n).window()
                : ((StreamPhysicalWindowAggregate) n).window();
            return at(w, k, n);
        }
        if (n instanceof Exchange || n instanceof LogicalWindowRank || n instanceof StreamPhysicalWindowRank) {
            return trace(n.getInput(0).stripped());
        }
        if (n instanceof LogicalWindowJoin || n instanceof StreamPhysicalWindowJoin) {
            JoinRelType type = n instanceof LogicalWindowJoin ? ((LogicalWindowJoin) n).joinType()
                : ((StreamPhysicalWindowJoin) n).joinType();
            return join(trace(n.getInput(0).stripped()), trace(n.getInput(1).stripped()), type,
                n.getInput(0).getRowType().getFieldCount());
        }
        if (n instanceof Calc) {
            WindowProperties in = trace(n.getInput(0).stripped());
            if (in == null) {
                return null;
            }
            RexProgram p = ((Calc) n).getProgram();
            ImmutableBitSet.Builder s = ImmutableBitSet.builder();
            ImmutableBitSet.Builder e = ImmutableBitSet.builder();
            ImmutableBitSet.Builder t = ImmutableBitSet.builder();
            for (int i = 0; i < p.getProjectList().size(); i++) {
                RexNode x = p.expandLocalRef(p.getProjectList().get(i));
                if (x instanceof RexInputRef) {
                    int f = ((RexInputRef) x).getIndex();
                    if (in.starts.get(f)) {
                        s.set(i);
                    } else if (in.ends.get(f)) {
                        e.set(i);
                    } else if (in.times.get(f)) {
                        t.set(i);
                    }
                }
            }
            return new WindowProperties(in.window, s.build(), e.build(), t.build(), in.origin);
        }
        return null;
    }

    private static WindowProperties join(WindowProperties left, WindowProperties right, JoinRelType type, int shift) {
        if (left == null || right == null) {
            return null;
        }
        boolean keepLeft = !type.generatesNullsOnLeft();
        boolean keepRight = !type.generatesNullsOnRight();
        return new WindowProperties(left.window, joined(left.starts, right.starts, keepLeft, keepRight, shift),
            joined(left.ends, right.ends, keepLeft, keepRight, shift),
            joined(left.times, right.times, keepLeft, keepRight, shift), left.origin);
    }

    private static ImmutableBitSet joined(ImmutableBitSet left, ImmutableBitSet right, boolean keepLeft,
                                          boolean keepRight, int shift) {
        ImmutableBitSet.Builder b = ImmutableBitSet.builder();
        if (keepLeft) {
            b.addAll(left);
        }
        if (keepRight) {
            right.forEach(i -> b.set(i + shift));
        }
        return b.build();
    }

    /**
     * Whether the window of a logical plan is on event time (Flink's {@code RelWindowProperties.isRowtime}):
     * the time attribute it was assigned by is a rowtime attribute. A window-attached window is always.
     */
    public boolean isRowtimeLogical() {
        if (origin instanceof LogicalWindowAggregate && window.attached()) {
            return true;
        }
        if (origin instanceof LogicalWindowAggregate || origin instanceof LogicalWindowTableFunction) {
            return logicalTimeAttribute(origin.getInput(0), window.timeIndex()) == TimeAttribute.ROWTIME;
        }
        return false;
    }

    private static WindowProperties at(WindowSpec w, int k, RelNode origin) {
        return new WindowProperties(w, ImmutableBitSet.of(k), ImmutableBitSet.of(k + 1), ImmutableBitSet.of(k + 2),
            origin);
    }

    /**
     * The time attribute of field {@code field} of a logical plan, following Calcs, watermark
     * assigners, windowing TVFs, window aggregations ({@code window_time}) and rowtime interval joins.
     */
    public static TimeAttribute logicalTimeAttribute(RelNode rel, int field) {
        RelNode n = rel.stripped();
        if (n instanceof LogicalWatermarkAssigner) {
            LogicalWatermarkAssigner w = (LogicalWatermarkAssigner) n;
            return w.rowtimeIndex() == field ? TimeAttribute.ROWTIME : logicalTimeAttribute(w.getInput(), field);
        }
        if (n instanceof Calc) {
            RexProgram p = ((Calc) n).getProgram();
            RexNode e = p.expandLocalRef(p.getProjectList().get(field));
            if (StreamPhysicalCalc.isProctime(e)) {
                return TimeAttribute.PROCTIME;
            }
            return e instanceof RexInputRef ? logicalTimeAttribute(n.getInput(0), ((RexInputRef) e).getIndex())
                : TimeAttribute.NONE;
        }
        if (n instanceof LogicalWindowTableFunction) {
            int k = n.getInput(0).getRowType().getFieldCount();
            int time = ((LogicalWindowTableFunction) n).window().timeIndex();
            return field < k ? logicalTimeAttribute(n.getInput(0), field)
                : field == k + 2 ? logicalTimeAttribute(n.getInput(0), time) : TimeAttribute.NONE;
        }
        if (n instanceof LogicalWindowAggregate) {
            WindowSpec w = ((LogicalWindowAggregate) n).window();
            if (field != n.getRowType().getFieldCount() - 1) {
                return TimeAttribute.NONE;
            }
            return w.attached() ? TimeAttribute.ROWTIME : logicalTimeAttribute(n.getInput(0), w.timeIndex());
        }
        if (n instanceof LogicalWindowRank) {
            return field < n.getInput(0).getRowType().getFieldCount() ? logicalTimeAttribute(n.getInput(0), field)
                : TimeAttribute.NONE;
        }
        if (n instanceof LogicalWindowJoin) {
            return windowJoinTimeAttribute((LogicalWindowJoin) n, field);
        }
        if (n instanceof LogicalIntervalJoin && ((LogicalIntervalJoin) n).bounds().rowtime()) {
            var b = ((LogicalIntervalJoin) n).bounds();
            int shift = n.getInput(0).getRowType().getFieldCount();
            return field == b.leftTimeIndex() || field == shift + b.rightTimeIndex() ? TimeAttribute.ROWTIME
                : TimeAttribute.NONE;
        }
        return TimeAttribute.NONE;
    }

    /**
     * A window join keeps its inputs' rowtime attributes (it emits when the watermark passes the window end),
     * except on an outer join's null-generating side; proctime attributes are kept too.
     */
    private static TimeAttribute windowJoinTimeAttribute(LogicalWindowJoin j, int field) {
        int shift = j.getLeft().getRowType().getFieldCount();
        boolean left = field < shift;
        TimeAttribute t = left ? logicalTimeAttribute(j.getLeft(), field) : logicalTimeAttribute(j.getRight(), field - shift);
        boolean nullable = left ? j.joinType().generatesNullsOnLeft() : j.joinType().generatesNullsOnRight();
        return t == TimeAttribute.ROWTIME && nullable ? TimeAttribute.NONE : t;
    }
}
