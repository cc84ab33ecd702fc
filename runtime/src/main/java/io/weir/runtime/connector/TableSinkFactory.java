package io.weir.runtime.connector;

/**
 * Creates the sink of a table whose {@code 'connector'} is {@link #identifier()}. Called by the
 * planner at planning time; validates the options like {@link TableSourceFactory}.
 */
public interface TableSinkFactory extends Factory {
    TableSink createSink(TableContext context);
}
