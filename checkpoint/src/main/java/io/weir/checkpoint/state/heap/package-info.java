/**
 * The {@code hashmap} keyed backend: objects on the JVM heap, one hash map per key group and state,
 * copy-on-write snapshots (see {@link io.weir.checkpoint.state.heap.HeapKeyedStateBackend}).
 */
package io.weir.checkpoint.state.heap;
