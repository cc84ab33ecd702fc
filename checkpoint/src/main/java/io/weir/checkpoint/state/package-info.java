/**
 * The keyed and operator state API: state kinds and their descriptors, key groups, the
 * {@link io.weir.checkpoint.state.StateBackend} that creates backends
 * ({@link io.weir.checkpoint.state.StateBackends#fromConfiguration}), and their snapshot contract
 * (package {@code snapshot}). Implementations live in {@code heap}, {@code rocksdb}, {@code operator}
 * and {@code ttl}.
 */
package io.weir.checkpoint.state;
