/**
 * What a completed checkpoint consists of: per operator (by uid) and subtask the state handles
 * (keyed state per key-group range, operator state, channel state), their sizes, and the binary
 * {@code _metadata} format ({@link io.weir.checkpoint.metadata.MetadataSerializer}).
 */
package io.weir.checkpoint.metadata;
