/**
 * The connector SPI (DESIGN.md section 7): table factories found by {@link java.util.ServiceLoader}
 * by their {@code 'connector'} identifier, option validation, replayable split-based sources
 * ({@link io.weir.runtime.connector.ScanSource}), which may also answer lookups for lookup joins
 * ({@link io.weir.runtime.connector.SupportsLookup}), and sinks with an optional two-phase commit
 * ({@link io.weir.runtime.connector.TwoPhaseCommitSink}); plus the runtime operators that run them
 * ({@link io.weir.runtime.connector.SourceOperatorFactory}, {@link io.weir.runtime.connector.SinkOperatorFactory}).
 */
package io.weir.runtime.connector;
