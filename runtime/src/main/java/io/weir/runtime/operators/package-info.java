/**
 * The operator contract (DESIGN.md section 4, STYLE.md 1-4): {@link io.weir.runtime.operators.StreamOperator}
 * and its one-input, two-input and source variants, the narrow {@link io.weir.runtime.operators.OperatorContext},
 * typed {@link io.weir.runtime.operators.Output}, timers, and {@link io.weir.runtime.operators.OperatorFactory}.
 * Threads and call order are written on {@code StreamOperator}.
 */
package io.weir.runtime.operators;
