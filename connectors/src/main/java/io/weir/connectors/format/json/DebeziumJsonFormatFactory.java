package io.weir.connectors.format.json;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.ConnectorOptions.DebeziumJson;
import io.weir.connectors.ConnectorOptions.TimestampStandard;
import io.weir.connectors.format.FormatFactory;
import io.weir.connectors.format.RowDecoder;
import io.weir.connectors.format.RowEncoder;
import io.weir.runtime.types.RowType;

import java.util.List;
import java.util.Set;

/** The {@code 'format' = 'debezium-json'} changelog format. */
public final class DebeziumJsonFormatFactory implements FormatFactory {

    @Override
    public String identifier() {
        return "debezium-json";
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(DebeziumJson.ALL);
    }

    @Override
    public boolean producesChangelog() {
        return true;
    }

    @Override
    public RowDecoder createDecoder(RowType rowType, Configuration options) {
        return new DebeziumJsonDecoder(rowType, iso(options), options.get(DebeziumJson.SCHEMA_INCLUDE),
            options.get(DebeziumJson.IGNORE_PARSE_ERRORS));
    }

    @Override
    public RowEncoder createEncoder(RowType rowType, Configuration options) {
        return new DebeziumJsonEncoder(rowType, iso(options));
    }

    private static boolean iso(Configuration options) {
        return options.get(DebeziumJson.TIMESTAMP_FORMAT) == TimestampStandard.ISO_8601;
    }
}
