/**
 * Tasks: one thread and a mailbox per subtask running a chain of operators
 * ({@link io.weir.runtime.tasks.StreamTask}, {@link io.weir.runtime.tasks.ChainedOperator}), barrier
 * alignment, snapshots ({@link io.weir.runtime.tasks.OperatorSnapshot}) and restore state.
 */
package io.weir.runtime.tasks;
