/**
 * Weir's operator table ({@link io.weir.codegen.functions.WeirOperatorTable}) and the runtime
 * implementations of Flink's built-in functions; the list is in {@code codegen/FUNCTIONS.md}.
 */
package io.weir.codegen.functions;
