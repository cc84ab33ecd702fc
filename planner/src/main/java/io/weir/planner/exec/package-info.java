/**
 * From the physical plan to the runtime job: {@link io.weir.planner.exec.ExecGraph} (operator specs,
 * partitioned edges, stable uids, parallelism, chains) and
 * {@link io.weir.planner.exec.JobGraphTranslator} (generated code, operator factories, JobGraph).
 */
package io.weir.planner.exec;
