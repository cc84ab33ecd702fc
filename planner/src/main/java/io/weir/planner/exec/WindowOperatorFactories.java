package io.weir.planner.exec;

import io.weir.codegen.CodeGenerator;
import io.weir.planner.logical.WindowSpec;
import io.weir.runtime.operators.KeySelector;
import io.weir.runtime.operators.OperatorFactory;
import io.weir.runtime.operators.sql.SliceAssigner;
import io.weir.runtime.operators.sql.WindowTableFunctionOperator;
import io.weir.runtime.operators.sql.dedup.WindowDeduplicateOperator;
import io.weir.runtime.operators.sql.join.JoinType;
import io.weir.runtime.operators.sql.join.WindowJoinOperator;
import io.weir.runtime.operators.sql.rank.RankType;
import io.weir.runtime.operators.sql.rank.WindowTopNOperator;

import java.time.ZoneId;

/** Instantiates the window operators of {@link WindowOperatorSpecs}' specs (with generated code where needed). */
final class WindowOperatorFactories {
    private WindowOperatorFactories() {
    }

    /** The operator of {@code spec} if it is one of the window specs, else null. */
    static OperatorFactory create(OperatorSpec spec, String name, String uid, CodeGenerator codegen, ZoneId zone) {
        if (spec instanceof OperatorSpec.WindowTableFunction) {
            OperatorSpec.WindowTableFunction w = (OperatorSpec.WindowTableFunction) spec;
            SliceAssigner assigner = assigner(w.window());
            return WindowTableFunctionOperator.factory(name, uid, w.ltz() ? assigner.withShiftTimeZone(zone) : assigner,
                w.window().timeIndex(), w.rowtime());
        }
        if (spec instanceof OperatorSpec.WindowRank) {
            OperatorSpec.WindowRank r = (OperatorSpec.WindowRank) spec;
            return WindowTopNOperator.factory(name, uid, KeySelector.ofFields(r.partitionKey()),
                r.inputType().project(r.partitionKey()), r.inputType(),
                codegen.comparator(r.calciteInputType(), r.orderKey()), RankType.valueOf(r.rankType()), r.rankStart(),
                r.rankEnd(), r.outputRankNumber(), r.windowEndIndex(), r.rowtime(), zone, shift(r.ltz(), zone));
        }
        if (spec instanceof OperatorSpec.WindowDeduplicate) {
            OperatorSpec.WindowDeduplicate d = (OperatorSpec.WindowDeduplicate) spec;
            return WindowDeduplicateOperator.factory(name, uid, KeySelector.ofFields(d.key()),
                d.inputType().project(d.key()), d.inputType(), d.timeIndex(), d.windowEndIndex(), d.keepLast(),
                shift(d.ltz(), zone));
        }
        if (spec instanceof OperatorSpec.WindowJoin) {
            OperatorSpec.WindowJoin j = (OperatorSpec.WindowJoin) spec;
            var condition = j.condition() == null ? null
                : codegen.joinCondition(j.calciteLeftType(), j.calciteRightType(), j.condition());
            return WindowJoinOperator.factory(name, uid, JoinType.valueOf(j.joinType()),
                KeySelector.ofFields(j.leftKeys()), KeySelector.ofFields(j.rightKeys()),
                j.leftType().project(j.leftKeys()), j.leftType(), j.rightType(), j.leftWindowEndIndex(),
                j.rightWindowEndIndex(), j.rowtime(), condition, zone, shift(j.ltz(), zone));
        }
        return null;
    }

    /** The zone a window's ends are local to: the session's for TIMESTAMP_LTZ windows, else UTC (epoch). */
    private static ZoneId shift(boolean ltz, ZoneId zone) {
        return ltz ? zone : java.time.ZoneOffset.UTC;
    }

    private static SliceAssigner assigner(WindowSpec w) {
        switch (w.kind()) {
            case TUMBLE: return SliceAssigner.tumble(w.sizeMillis(), w.offsetMillis());
            case HOP: return SliceAssigner.hop(w.sizeMillis(), w.slideMillis(), w.offsetMillis());
            case CUMULATE: return SliceAssigner.cumulate(w.sizeMillis(), w.slideMillis(), w.offsetMillis());
            default: throw new IllegalStateException("no window assignment for " + w.kind());
        }
    }
}
