package io.weir.client.config;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;

/** Options of the {@code weir} client and of the session as a whole (Flink's key names). */
public final class ClientOptions {

    /** How {@code SELECT} results are shown. */
    public enum ResultMode {
        /** Rows as a boxed table with an {@code op} column, printed as they arrive. */
        TABLEAU,
        /** The changelog, one {@code +I[...]}-style line per row. */
        CHANGELOG,
        /** The materialized result: the rows left after applying the changelog, shown at the end. */
        TABLE
    }

    /** Flink's execution modes; Weir runs streaming only. */
    public enum RuntimeMode { STREAMING, BATCH, AUTOMATIC }

    public static final ConfigOption<ResultMode> RESULT_MODE = ConfigOptions
        .key("sql-client.execution.result-mode").enumType(ResultMode.class, ResultMode.TABLEAU)
        .withDescription("How SELECT results are shown: tableau, changelog or table.");

    public static final ConfigOption<Integer> MAX_COLUMN_WIDTH = ConfigOptions
        .key("sql-client.display.max-column-width").intType(30)
        .withDescription("Longer values are cut and end in '...' in tableau output.");

    public static final ConfigOption<Boolean> VERBOSE = ConfigOptions
        .key("sql-client.verbose").booleanType(false)
        .withDescription("Print the whole stack trace of an error.");

    public static final ConfigOption<Integer> MAX_TABLE_RESULT_ROWS = ConfigOptions
        .key("sql-client.execution.max-table-result.rows").intType(1_000_000)
        .withDescription("The most rows the materialized table result mode keeps.");

    public static final ConfigOption<String> PIPELINE_NAME = ConfigOptions
        .key("pipeline.name").stringType(null)
        .withDescription("The name of jobs submitted by this session.");

    public static final ConfigOption<RuntimeMode> RUNTIME_MODE = ConfigOptions
        .key("execution.runtime-mode").enumType(RuntimeMode.class, RuntimeMode.STREAMING)
        .withDescription("Weir runs streaming; batch mode is not supported.");

    private ClientOptions() {
    }
}
