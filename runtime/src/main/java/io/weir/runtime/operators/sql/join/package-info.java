/**
 * Streaming joins, driven by generated {@link io.weir.runtime.generated.JoinCondition}s: the regular
 * join ({@link io.weir.runtime.operators.sql.join.StreamingJoinOperator}, inner and outer, over
 * updating inputs, state layout by input uniqueness), the interval join
 * ({@link io.weir.runtime.operators.sql.join.IntervalJoinOperator}), temporal joins against a
 * versioned table ({@link io.weir.runtime.operators.sql.join.TemporalJoinOperator} in event time,
 * {@link io.weir.runtime.operators.sql.join.ProcTimeTemporalJoinOperator} in processing time) and the
 * window join ({@link io.weir.runtime.operators.sql.join.WindowJoinOperator}); and the lookup join
 * ({@link io.weir.runtime.operators.sql.join.LookupJoinOperator}), which is the exception to the next
 * paragraph: one input, not keyed, looking rows up in a connector's
 * {@link io.weir.runtime.connector.SupportsLookup table}.
 *
 * <p>All others are keyed two-input operators: input 1 is the left side, input 2 the right; the factory's
 * key selectors extract the equi-join key from each side, and output rows are {@code left ++ right}.
 * Each offers a public constructor taking generated classes and a static {@code factory(...)} for
 * the planner; package-private constructors take suppliers so tests can pass hand-written fakes.
 * Also here, shared with the {@code over}, {@code rank} and {@code dedup} packages:
 * {@link io.weir.runtime.operators.sql.join.GeneratedInstances},
 * {@link io.weir.runtime.operators.sql.join.RowListSerializer},
 * {@link io.weir.runtime.operators.sql.join.EventTimeProgress} and
 * {@link io.weir.runtime.operators.sql.join.TaskFunctionContext}.
 */
package io.weir.runtime.operators.sql.join;
