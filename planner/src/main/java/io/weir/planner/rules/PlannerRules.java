package io.weir.planner.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.CoreRules;

import java.util.List;

/** Every rule the planner uses, by phase, registered in this one place. */
public final class PlannerRules {
    private PlannerRules() {
    }

    /**
     * Before anything else: temporal joins ({@code FOR SYSTEM_TIME AS OF}) and {@code UNNEST}, which
     * Calcite expresses as correlations, and {@code INTERSECT ALL} / {@code EXCEPT ALL} get their own nodes.
     */
    public static final List<RelOptRule> CORRELATE_AND_SET_OPS = List.of(
        TemporalJoinRule.INSTANCE,
        UnnestRule.INSTANCE,
        SetOpAllRule.INSTANCE);

    /** Subqueries become joins or correlates (refused later if they remain). */
    public static final List<RelOptRule> SUBQUERY_REMOVAL = List.of(
        CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
        CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE);

    /**
     * Deterministic logical rewrites: filter push-down through projections, merging of
     * projections and filters, constant folding (dynamic functions like PROCTIME() are kept),
     * projections into aggregates, UNION DISTINCT / INTERSECT / EXCEPT as aggregates over UNION
     * ALL (counting each side's rows), filters into
     * join conditions and on to the join inputs, projections below joins. Filters are
     * never pushed below a watermark assigner: watermarks must see every row.
     */
    public static final List<RelOptRule> LOGICAL_REWRITE = List.of(
        CoreRules.FILTER_PROJECT_TRANSPOSE,
        CoreRules.FILTER_MERGE,
        CoreRules.FILTER_INTO_JOIN,
        CoreRules.JOIN_CONDITION_PUSH,
        CoreRules.PROJECT_JOIN_TRANSPOSE,
        CoreRules.PROJECT_MERGE,
        CoreRules.PROJECT_REMOVE,
        CoreRules.FILTER_REDUCE_EXPRESSIONS,
        CoreRules.PROJECT_REDUCE_EXPRESSIONS,
        LiteralAggRule.INSTANCE,
        CoreRules.AGGREGATE_PROJECT_MERGE,
        CoreRules.AGGREGATE_REMOVE,
        CoreRules.UNION_TO_DISTINCT,
        CoreRules.INTERSECT_TO_DISTINCT,
        CoreRules.MINUS_TO_DISTINCT,
        CoreRules.UNION_MERGE);

    /** OVER aggregates in projections become {@code LogicalWindow}s (Top-N, dedup and OVER aggregation). */
    public static final List<RelOptRule> OVER = List.of(
        CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);

    /**
     * Top-N and deduplication (a filtered rank window becomes a {@code LogicalRank}), interval joins
     * (a join bounding two time attributes becomes a {@code LogicalIntervalJoin}).
     */
    public static final List<RelOptRule> RANK = List.of(
        RankRule.INSTANCE,
        IntervalJoinRule.INSTANCE,
        OverAggregateRule.INSTANCE,
        CoreRules.CALC_MERGE,
        CoreRules.CALC_REMOVE);

    /** Projections and filters become Calcs, merged where adjacent. */
    public static final List<RelOptRule> TO_CALC = List.of(
        CoreRules.PROJECT_TO_CALC,
        CoreRules.FILTER_TO_CALC,
        CoreRules.CALC_MERGE,
        CoreRules.CALC_REMOVE);

    /**
     * Window TVF + aggregate recognition, and Flink's legacy group windows ({@code GROUP BY TUMBLE(ts, size)}
     * with {@code TUMBLE_START} and friends) as the same window aggregate.
     */
    public static final List<RelOptRule> WINDOW = List.of(
        GroupWindowAggregateRule.INSTANCE,
        WindowAggregateRule.INSTANCE,
        CoreRules.CALC_MERGE,
        CoreRules.CALC_REMOVE);

    /**
     * Windowing TVFs that no window aggregation absorbed become window assignment; ranks partitioned by
     * a window and joins on two windows become window Top-N / deduplication and window joins.
     */
    public static final List<RelOptRule> WINDOW_OPERATORS = List.of(
        WindowTableFunctionRule.INSTANCE,
        WindowRankRule.INSTANCE,
        WindowJoinRule.INSTANCE);

    /** Projection push-down through watermark assigners into source scans and into looked-up tables. */
    public static final List<RelOptRule> PROJECTION_PUSH_DOWN = List.of(
        AggregateInputNarrowRule.INSTANCE,
        CalcWatermarkAssignerTransposeRule.INSTANCE,
        CoreRules.CALC_MERGE,
        CoreRules.CALC_REMOVE,
        SourceProjectionPushDownRule.INSTANCE,
        LookupJoinProjectionPushDownRule.INSTANCE);

    /** Logical to streaming physical nodes (Volcano). */
    public static final List<RelOptRule> PHYSICAL = List.of(
        StreamPhysicalTableSourceScanRule.INSTANCE,
        StreamPhysicalWatermarkAssignerRule.INSTANCE,
        StreamPhysicalCalcRule.INSTANCE,
        StreamPhysicalGroupAggregateRule.INSTANCE,
        StreamPhysicalWindowAggregateRule.INSTANCE,
        StreamPhysicalUnionRule.INSTANCE,
        StreamPhysicalJoinRule.INSTANCE,
        StreamPhysicalJoinRule.INTERVAL,
        StreamPhysicalRankRule.INSTANCE,
        StreamPhysicalOverAggregateRule.INSTANCE,
        StreamPhysicalRetractOverAggregateRule.INSTANCE,
        StreamPhysicalWindowTableFunctionRule.INSTANCE,
        StreamPhysicalWindowRankRule.INSTANCE,
        StreamPhysicalWindowJoinRule.INSTANCE,
        StreamPhysicalValuesRule.INSTANCE,
        StreamPhysicalTemporalJoinRule.INSTANCE,
        StreamPhysicalLookupJoinRule.INSTANCE,
        StreamPhysicalUnnestRule.INSTANCE,
        StreamPhysicalSetOpAllRule.INSTANCE,
        StreamPhysicalSinkRule.INSTANCE);
}
