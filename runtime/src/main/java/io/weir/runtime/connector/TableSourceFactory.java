package io.weir.runtime.connector;

/**
 * Creates the source of a table whose {@code 'connector'} is {@link #identifier()}. Called by the
 * planner (any thread) at planning time; must validate the options (see
 * {@link FactoryUtil#validateOptions}) and fail with a {@link ValidationException} naming the
 * table, the option and the valid choices.
 */
public interface TableSourceFactory extends Factory {
    ScanSource createSource(TableContext context);
}
