package io.weir.connectors.format;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.runtime.connector.Factory;
import io.weir.runtime.types.RowType;

import java.util.Set;

/**
 * A format found by {@link java.util.ServiceLoader} from a table's {@code 'format'} option
 * (register implementations in {@code META-INF/services/io.weir.connectors.format.FormatFactory}).
 *
 * <p>A factory is stateless. Connectors validate the table's options against {@link #optionalOptions()}
 * (keys are prefixed with the identifier, e.g. {@code json.ignore-parse-errors}), then create a
 * decoder, an encoder or a whole-file format for the table's physical row type. Decoders and
 * encoders are not thread-safe: each task creates its own.
 */
public interface FormatFactory extends Factory {

    /** Formats have no required options. */
    @Override
    default Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    /** True if decoded rows may be updates or deletes (e.g. debezium-json), not only inserts. */
    default boolean producesChangelog() {
        return false;
    }

    /**
     * True if decoders find fields by name (json, avro), so a decoder for a subset of the
     * columns reads only those; false if fields are positional (csv).
     */
    default boolean readsFieldsByName() {
        return true;
    }

    /** A decoder of single records (one line, one message) into rows of {@code rowType}. */
    RowDecoder createDecoder(RowType rowType, Configuration options);

    /** An encoder of rows of {@code rowType} into single records. */
    RowEncoder createEncoder(RowType rowType, Configuration options);

    /**
     * How whole files of this format are read and written; thread-safe (shared by a job's
     * subtasks). By default a file holds one record per line ({@link LineFileFormat}); container
     * formats such as Avro override this.
     */
    default FileFormat createFileFormat(RowType rowType, Configuration options) {
        createDecoder(rowType, options); // fails early on unsupported types
        return new LineFileFormat(() -> createDecoder(rowType, options), () -> createEncoder(rowType, options), identifier());
    }
}
