/**
 * The checkpoint coordinator of one job and its parts: validated settings
 * ({@link io.weir.checkpoint.coordinator.CheckpointConfig}), trigger timing
 * ({@link io.weir.checkpoint.coordinator.CheckpointTriggerPolicy}), pending-checkpoint bookkeeping,
 * completion and retention with the shared-state registry, failure counting, statistics. It talks to
 * the job only through {@link io.weir.checkpoint.coordinator.CheckpointTriggerTarget}, which
 * {@code runtime/} implements, on one coordinator thread
 * ({@link io.weir.checkpoint.coordinator.CoordinatorThread}).
 */
package io.weir.checkpoint.coordinator;
