/**
 * The SQL runtime operators, driven by generated code ({@link io.weir.runtime.generated}): Calc,
 * {@code VALUES}, watermark assignment, group aggregation (plain, mini-batch, local-global) and
 * window aggregation (TUMBLE, HOP and CUMULATE with slicing; SESSION with merging).
 *
 * <p>Every operator takes exactly what it needs in its constructor (generated classes as
 * {@link io.weir.runtime.generated.GeneratedClass}, flags, durations) and offers a static
 * {@code factory(...)} that wraps it in an {@link io.weir.runtime.operators.OperatorFactory}, which
 * is what the planner puts into a job vertex. Keyed operators read their grouping key from
 * {@link io.weir.runtime.operators.OperatorContext#currentKey()} and emit {@code key ++ values}.
 * They keep state only through the state API and timers, so they run on every state backend.
 */
package io.weir.runtime.operators.sql;
