package io.weir.codegen;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.ConfigOptions;

/** Options of the code generator. */
public final class CodegenOptions {

    /**
     * Writes the source of every compiled class to {@code <dir>/<fully.qualified.ClassName>.java}. The system property
     * {@value #DUMP_DIR_PROPERTY} does the same for any JVM (tests, the client) without configuration.
     */
    public static final ConfigOption<String> DUMP_DIR = ConfigOptions.key("table.exec.codegen.dump-dir")
        .stringType(null)
        .withDescription("Directory to write the Java source of every generated class to, for debugging.");

    /** System property equivalent of {@link #DUMP_DIR}. */
    public static final String DUMP_DIR_PROPERTY = "weir.codegen.dump-dir";

    /**
     * Whether integer arithmetic ({@code + - * /} on TINYINT..BIGINT) fails on overflow with an
     * error naming the expression and row (default) or wraps around silently (Flink's behaviour).
     */
    public static final ConfigOption<Boolean> CHECKED_ARITHMETIC = ConfigOptions.key("table.exec.codegen.checked-arithmetic")
        .booleanType(true)
        .withDescription("Fail on integer overflow in arithmetic instead of wrapping around.");

    private CodegenOptions() {
    }
}
