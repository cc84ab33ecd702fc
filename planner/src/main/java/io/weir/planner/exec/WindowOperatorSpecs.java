package io.weir.planner.exec;

import io.weir.planner.ValidationException;
import io.weir.planner.calcite.RelTypes;
import io.weir.planner.logical.WindowSpec;
import io.weir.planner.physical.StreamPhysicalWindowJoin;
import io.weir.planner.physical.StreamPhysicalWindowRank;
import io.weir.planner.physical.StreamPhysicalWindowTableFunction;
import io.weir.planner.properties.PhysicalProperties;
import io.weir.planner.properties.TimeAttribute;
import io.weir.planner.properties.WindowProperties;
import io.weir.runtime.types.RowType;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * The {@link OperatorSpec}s of the window operators that follow a windowing TVF: window assignment,
 * window Top-N and deduplication, window join. Whether a window is on rowtime comes from the time
 * attribute of the time column at the node that assigned the window. Planning thread only.
 */
final class WindowOperatorSpecs {
    private WindowOperatorSpecs() {
    }

    /** The spec of {@code node} if it is one of the window operators, else null. */
    static OperatorSpec spec(RelNode node, PhysicalProperties props, RowType out) {
        if (node instanceof StreamPhysicalWindowTableFunction) {
            RelNode input = node.getInput(0);
            WindowSpec w = ((StreamPhysicalWindowTableFunction) node).window();
            return new OperatorSpec.WindowTableFunction(RelTypes.toRowType(input.getRowType()), w,
                props.timeAttributes(input)[w.timeIndex()] == TimeAttribute.ROWTIME, isLtz(input, w), out);
        }
        if (node instanceof StreamPhysicalWindowRank) {
            return rank((StreamPhysicalWindowRank) node, props, out);
        }
        if (node instanceof StreamPhysicalWindowJoin) {
            return join((StreamPhysicalWindowJoin) node, props, out);
        }
        return null;
    }

    private static OperatorSpec rank(StreamPhysicalWindowRank r, PhysicalProperties props, RowType out) {
        RelNode input = r.getInput();
        RowType in = RelTypes.toRowType(input.getRowType());
        boolean rowtime = windowTime(input, props) == TimeAttribute.ROWTIME;
        boolean ltz = isLtz(input);
        int[] key = r.partitionKey().toArray();
        if (r.deduplicate() && rowtime) {
            return new OperatorSpec.WindowDeduplicate(in, key, r.orderKey().getFieldCollations().get(0).getFieldIndex(),
                r.windowEnd(), r.keepLast(), ltz, out);
        }
        return new OperatorSpec.WindowRank(in, input.getRowType(), key, r.orderKey(), r.kind().name(), r.rankStart(),
            r.rankEnd(), r.outputRankNumber(), r.windowEnd(), rowtime, ltz, out);
    }

    private static OperatorSpec join(StreamPhysicalWindowJoin j, PhysicalProperties props, RowType out) {
        TimeAttribute left = windowTime(j.getLeft(), props);
        TimeAttribute right = windowTime(j.getRight(), props);
        if (left != right) {
            throw new ValidationException("Currently, window join doesn't support different time attribute type of"
                + " left and right inputs.\nThe left time attribute type is " + left + ".\nThe right time attribute"
                + " type is " + right + ".");
        }
        return new OperatorSpec.WindowJoin(j.joinType().name(), RelTypes.toRowType(j.getLeft().getRowType()),
            RelTypes.toRowType(j.getRight().getRowType()), j.getLeft().getRowType(), j.getRight().getRowType(),
            toArray(j.leftKeys()), toArray(j.rightKeys()), j.condition(), j.leftWindowEnd(), j.rightWindowEnd(),
            left == TimeAttribute.ROWTIME, isLtz(j.getLeft()), out);
    }

    /** The time attribute the window of {@code input} was assigned by. */
    private static TimeAttribute windowTime(RelNode input, PhysicalProperties props) {
        WindowProperties w = WindowProperties.of(input);
        if (w == null) {
            throw new IllegalStateException("no window below " + input);
        }
        if (w.window().attached()) {
            return TimeAttribute.ROWTIME;
        }
        return props.timeAttributes(w.origin().getInput(0))[w.window().timeIndex()];
    }

    /** Whether the window of {@code input} is over a {@code TIMESTAMP_LTZ} column (its ends are local times). */
    private static boolean isLtz(RelNode input) {
        WindowProperties w = WindowProperties.of(input);
        return isLtz(w.origin().getInput(0), w.window());
    }

    private static boolean isLtz(RelNode windowInput, WindowSpec w) {
        return windowInput.getRowType().getFieldList().get(w.timeIndex()).getType().getSqlTypeName()
            == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
