/**
 * The operator table the planner validates with: codegen's functions (Calcite standard, Flink
 * built-ins; list in {@code codegen/FUNCTIONS.md}) plus Weir's windowing table functions
 * TUMBLE, HOP, CUMULATE and SESSION with {@code window_start}, {@code window_end}, {@code window_time}.
 */
package io.weir.planner.functions;
