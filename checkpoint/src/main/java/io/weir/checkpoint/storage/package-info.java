/**
 * Where checkpoints go: in memory ({@code jobmanager}) or in a directory ({@code filesystem}) with
 * Flink's layout {@code <dir>/<job-id>/chk-<n>/_metadata}, {@code shared/}, {@code taskowned/};
 * savepoint directories; atomic, versioned {@code _metadata} files; resolving a checkpoint by path.
 */
package io.weir.checkpoint.storage;
