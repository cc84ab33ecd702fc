/**
 * Correlated expansion of rows: {@link io.weir.runtime.operators.sql.correlate.UnnestOperator}
 * ({@code CROSS JOIN UNNEST(...)} and {@code LEFT JOIN UNNEST(...) ON TRUE}).
 */
package io.weir.runtime.operators.sql.correlate;
