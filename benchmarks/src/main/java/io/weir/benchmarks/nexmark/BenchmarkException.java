package io.weir.benchmarks.nexmark;

/** A benchmark that cannot run, with a message naming the query, the line and the reason. */
public final class BenchmarkException extends RuntimeException {
    public BenchmarkException(String message) {
        super(message);
    }

    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
