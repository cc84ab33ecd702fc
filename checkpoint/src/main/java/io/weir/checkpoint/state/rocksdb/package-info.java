/**
 * The {@code rocksdb} keyed backend: the only package that may use {@code org.rocksdb}
 * (enforced by the architecture test). See {@link io.weir.checkpoint.state.rocksdb.RocksDbStateBackend}.
 */
package io.weir.checkpoint.state.rocksdb;
