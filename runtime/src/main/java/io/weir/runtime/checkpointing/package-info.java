/**
 * The job side of checkpointing: a submitted job with {@code execution.checkpointing.interval}
 * gets a {@link io.weir.checkpoint.coordinator.CheckpointCoordinator} driving its tasks, fails
 * over with the configured restart strategy from the latest completed checkpoint, and can start
 * from a checkpoint path ({@code execution.state-recovery.path}). Entry point:
 * {@link io.weir.runtime.checkpointing.CheckpointedJobs#submit}.
 */
package io.weir.runtime.checkpointing;
