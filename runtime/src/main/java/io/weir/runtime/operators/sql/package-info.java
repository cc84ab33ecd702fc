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
 *
 * <h2>From the planner's operator specs</h2>
 * <ul>
 *   <li>{@code Calc} → {@link io.weir.runtime.operators.sql.CalcOperator#factory} (chained, non-keyed).</li>
 *   <li>{@code Values} → {@link io.weir.runtime.operators.sql.ValuesSource#factory} (a source vertex, parallelism 1).</li>
 *   <li>{@code WatermarkAssigner} → {@link io.weir.runtime.operators.sql.WatermarkAssignerOperator#factory}
 *       (only where the source operator's own {@code WatermarkStrategy} cannot do it).</li>
 *   <li>Union → no operator: several edges into the same input of the consuming vertex.</li>
 *   <li>{@code GroupAggregate} → {@link io.weir.runtime.operators.sql.GroupAggOperator#factory}, or with
 *       mini-batch {@link io.weir.runtime.operators.sql.MiniBatchGroupAggOperator#factory}; for two-phase
 *       aggregation {@link io.weir.runtime.operators.sql.LocalGroupAggOperator#factory} chained before the hash
 *       exchange and {@link io.weir.runtime.operators.sql.GlobalGroupAggOperator#factory} after it, with the
 *       same {@code AggsHandle}. Key: {@code KeySelector.ofFields(keys)} (or a generated {@code KeyProjection}),
 *       key type {@code inputType.project(keys)}; an aggregation without keys uses an empty key.</li>
 *   <li>{@code WindowAggregate} TUMBLE/HOP/CUMULATE → {@link io.weir.runtime.operators.sql.WindowAggOperator#factory}
 *       with {@link io.weir.runtime.operators.sql.SliceAssigner#tumble}/{@code hop}/{@code cumulate} (sizes and
 *       offset in ms; {@code withShiftTimeZone(zone)} when the time attribute is a {@code TIMESTAMP_LTZ});
 *       SESSION → {@link io.weir.runtime.operators.sql.SessionWindowAggOperator#factory} with the gap. The
 *       {@code NamespaceAggsHandle} is generated with merge support and the window properties in output order.</li>
 * </ul>
 */
package io.weir.runtime.operators.sql;
