package io.weir.checkpoint.coordinator;

/** Status of one checkpoint in the statistics. */
public enum CheckpointStatus { IN_PROGRESS, COMPLETED, FAILED }
