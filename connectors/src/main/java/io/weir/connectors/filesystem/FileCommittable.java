package io.weir.connectors.filesystem;

/**
 * A pending part file: closed and durable under its hidden in-progress name, to be made visible
 * by an atomic rename to {@code finalPath}.
 */
public record FileCommittable(String pendingPath, String finalPath) {
}
