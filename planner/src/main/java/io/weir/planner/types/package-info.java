/** Conversions between Calcite types and the runtime {@link io.weir.runtime.types.DataType}, and their SQL spelling. */
package io.weir.planner.types;
