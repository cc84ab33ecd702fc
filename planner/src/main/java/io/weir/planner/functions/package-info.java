/**
 * The operator table the planner validates with: codegen's functions (Calcite standard, Flink
 * built-ins; list in {@code codegen/FUNCTIONS.md}) plus Weir's windowing table functions
 * TUMBLE, HOP, CUMULATE and SESSION with {@code window_start}, {@code window_end}, {@code window_time},
 * and {@link io.weir.planner.functions.GroupWindowProperty}, the resolved form of Flink's group-window
 * auxiliaries ({@code TUMBLE_START} ... {@code SESSION_PROCTIME}; not in the table: the planner puts
 * them in place before validation).
 */
package io.weir.planner.functions;
