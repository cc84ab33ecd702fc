package io.weir.planner.rules;

import io.weir.planner.ValidationException;
import io.weir.planner.logical.LogicalLookupJoin;
import io.weir.planner.logical.LogicalSourceScan;
import io.weir.planner.logical.LogicalTemporalJoin;
import io.weir.planner.logical.LogicalWatermarkAssigner;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.schema.SourceTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code left JOIN t FOR SYSTEM_TIME AS OF left.proctime ON ...} as a lookup join when, as in
 * Flink, {@code t} is a table (not a view or a versioned view) whose connector supports lookups and
 * the {@code AS OF} field is a processing-time attribute. Key expressions of the left side
 * ({@code MOD(B.auction, 10000) = S.key}) are computed into new fields of a projection below the join
 * (cast to the looked-up field's type), the other conjuncts stay as the residual condition, and a
 * projection above restores the correlate's row. Anything else is left to the versioned-table
 * temporal join.
 */
final class LookupJoinRewrite {
    private LookupJoinRewrite() {
    }

    /**
     * The lookup join replacing the temporal join of {@code correlate}, or null if it is not one.
     *
     * @param condition the join condition over {@code left ++ right} (null: none)
     * @throws ValidationException for a processing-time join against a table that neither supports
     *     lookups nor has a primary key, or without an equality on the looked-up table's fields
     */
    static RelNode rewrite(Correlate correlate, RelNode right, int leftTime, RexNode condition) {
        LogicalSourceScan scan = scanOf(right);
        RelNode left = correlate.getLeft();
        if (scan == null || !isProctime(left, leftTime)) {
            return null;
        }
        SourceTable table = scan.getTable().unwrap(SourceTable.class);
        if (table == null) {
            return null;
        }
        if (!table.supportsLookup()) {
            if (scan.descriptor().primaryKey().isEmpty()) {
                throw new ValidationException("Processing-time temporal join against table ["
                    + scan.descriptor().qualifiedName() + "]: connector '" + scan.descriptor().connector()
                    + "' does not support lookup joins, and the table is no versioned table (it has no primary key)");
            }
            return null;
        }
        return new Builder(correlate, scan, columns(right), condition).build();
    }

    /** The source scan of a table ({@code [WatermarkAssigner] <- [Project of computed columns] <- scan}), else null. */
    private static LogicalSourceScan scanOf(RelNode rel) {
        RelNode n = rel.stripped();
        if (n instanceof LogicalWatermarkAssigner) {
            n = ((LogicalWatermarkAssigner) n).getInput().stripped();
        }
        if (n instanceof LogicalProject) {
            n = ((LogicalProject) n).getInput().stripped();
        }
        return n instanceof LogicalSourceScan ? (LogicalSourceScan) n : null;
    }

    /** Each declared column of the table as an expression over the scanned row (computed columns are expressions). */
    private static List<RexNode> columns(RelNode rel) {
        RelNode n = rel.stripped();
        if (n instanceof LogicalWatermarkAssigner) {
            n = ((LogicalWatermarkAssigner) n).getInput().stripped();
        }
        if (n instanceof LogicalProject) {
            return ((LogicalProject) n).getProjects();
        }
        return n.getCluster().getRexBuilder().identityProjects(n.getRowType());
    }

    /** Whether field {@code field} of the (logical, not yet optimized) {@code rel} is a {@code PROCTIME()}. */
    static boolean isProctime(RelNode rel, int field) {
        RelNode n = rel.stripped();
        if (n instanceof Project) {
            RexNode e = ((Project) n).getProjects().get(field);
            if (e instanceof RexInputRef) {
                return isProctime(((Project) n).getInput(), ((RexInputRef) e).getIndex());
            }
            return StreamPhysicalCalc.isProctime(e);
        }
        if (n instanceof Filter || n instanceof LogicalWatermarkAssigner) {
            return isProctime(n.getInput(0), field);
        }
        if (n instanceof Join || n instanceof Correlate || n instanceof LogicalTemporalJoin
            || n instanceof LogicalLookupJoin) {
            int leftCount = n.getInput(0).getRowType().getFieldCount();
            if (field < leftCount) {
                return isProctime(n.getInput(0), field);
            }
            return !(n instanceof LogicalLookupJoin) && isProctime(n.getInput(1), field - leftCount);
        }
        return false;
    }

    /** Splits the condition into keys and residual and builds {@code Project(LookupJoin(Project(left)))}. */
    private static final class Builder {
        private final Correlate correlate;
        private final LogicalSourceScan scan;
        private final List<RexNode> columns;
        private final RexBuilder rex;
        private final int leftCount;
        private final List<RexNode> keyExprs = new ArrayList<>();
        private final List<Integer> lookupKeys = new ArrayList<>();
        private final List<RexNode> residual = new ArrayList<>();

        Builder(Correlate correlate, LogicalSourceScan scan, List<RexNode> columns, RexNode condition) {
            this.correlate = correlate;
            this.scan = scan;
            this.columns = columns;
            this.rex = correlate.getCluster().getRexBuilder();
            this.leftCount = correlate.getLeft().getRowType().getFieldCount();
            for (RexNode c : RelOptUtil.conjunctions(condition)) {
                if (!asKey(c)) {
                    residual.add(c);
                }
            }
            if (lookupKeys.isEmpty()) {
                throw new ValidationException("Temporal table join requires an equality condition on fields of table ["
                    + scan.descriptor().qualifiedName() + "].");
            }
        }

        /** Takes {@code c} as a key if it is {@code leftExpr = rightField} (either way round). */
        private boolean asKey(RexNode c) {
            if (c.getKind() != SqlKind.EQUALS) {
                return false;
            }
            List<RexNode> ops = ((RexCall) c).getOperands();
            for (int side = 0; side < 2; side++) {
                RexNode r = ops.get(side);
                RexNode l = ops.get(1 - side);
                if (r instanceof RexInputRef && ((RexInputRef) r).getIndex() >= leftCount && onlyLeft(l)
                    && columns.get(((RexInputRef) r).getIndex() - leftCount) instanceof RexInputRef) {
                    int field = ((RexInputRef) columns.get(((RexInputRef) r).getIndex() - leftCount)).getIndex();
                    keyExprs.add(castTo(l, scan.getRowType().getFieldList().get(field).getType()));
                    lookupKeys.add(field);
                    return true;
                }
            }
            return false;
        }

        private boolean onlyLeft(RexNode e) {
            return RelOptUtil.InputFinder.bits(e).asList().stream().allMatch(i -> i < leftCount)
                && !RexUtil.containsCorrelation(e);
        }

        /**
         * Rewrites an expression over {@code left ++ declared columns} into one over the lookup join's row
         * ({@code input ++ scanned fields}): computed columns become their expressions.
         */
        private RexShuttle toJoinRow(int inputCount, RelDataType rowType) {
            RexShuttle scanned = new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    int i = inputCount + ref.getIndex();
                    return rex.makeInputRef(rowType.getFieldList().get(i).getType(), i);
                }
            };
            return new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    if (ref.getIndex() < leftCount) {
                        return ref;
                    }
                    return columns.get(ref.getIndex() - leftCount).accept(scanned);
                }
            };
        }

        private RexNode castTo(RexNode e, RelDataType target) {
            if (SqlTypeUtil.equalSansNullability(rex.getTypeFactory(), e.getType(), target)) {
                return e;
            }
            return rex.makeCast(rex.getTypeFactory().createTypeWithNullability(target, e.getType().isNullable()), e);
        }

        RelNode build() {
            RelNode left = correlate.getLeft();
            List<RexNode> projects = new ArrayList<>(rex.identityProjects(left.getRowType()));
            List<String> names = new ArrayList<>(left.getRowType().getFieldNames());
            List<Integer> inputKeys = new ArrayList<>();
            for (RexNode k : keyExprs) {
                int at = projects.indexOf(k);
                if (at < 0) {
                    at = projects.size();
                    projects.add(k);
                    names.add("$f" + at);
                }
                inputKeys.add(at);
            }
            RelNode input = projects.size() == leftCount ? left
                : LogicalProject.create(left, List.of(), projects, SqlValidatorUtil.uniquify(names, true), java.util.Set.of());
            JoinRelType type = correlate.getJoinType();
            LogicalLookupJoin.LookupTable table = new LogicalLookupJoin.LookupTable(scan.descriptor(), scan.getTable(),
                scan.producedType(), scan.projection());
            RelDataType rowType = LogicalLookupJoin.joinedType(correlate.getCluster().getTypeFactory(), input.getRowType(),
                table, type);
            RexNode rest = RexUtil.composeConjunction(rex, residual);
            RexShuttle toJoinRow = toJoinRow(projects.size(), rowType);
            RexNode shifted = rest.isAlwaysTrue() ? null : rest.accept(toJoinRow);
            RelNode join = new LogicalLookupJoin(correlate.getCluster(), correlate.getTraitSet(), input, table, type,
                inputKeys, lookupKeys, shifted, rowType);
            List<RexNode> restore = new ArrayList<>();
            for (RelDataTypeField f : correlate.getRowType().getFieldList()) {
                RexNode e = rex.makeInputRef(f.getType(), f.getIndex()).accept(toJoinRow);
                restore.add(e.getType().equals(f.getType()) ? e : rex.makeCast(f.getType(), e, true));
            }
            return LogicalProject.create(join, List.of(), restore, correlate.getRowType().getFieldNames(),
                java.util.Set.of());
        }
    }
}
