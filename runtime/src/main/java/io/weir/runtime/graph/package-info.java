/** The job graph the planner hands the runtime: vertices (operator chains with parallelism) and partitioned edges. */
package io.weir.runtime.graph;
