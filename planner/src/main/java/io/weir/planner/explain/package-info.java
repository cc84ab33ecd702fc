/** EXPLAIN output in Flink's form, stable across runs. */
package io.weir.planner.explain;
