/** Generated aggregate handles: one class per aggregation, accumulators in unboxed fields. */
package io.weir.codegen.agg;
