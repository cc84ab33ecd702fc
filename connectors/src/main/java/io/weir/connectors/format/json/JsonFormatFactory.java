package io.weir.connectors.format.json;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.ConnectorOptions.Json;
import io.weir.connectors.ConnectorOptions.TimestampStandard;
import io.weir.connectors.format.FormatFactory;
import io.weir.connectors.format.RowDecoder;
import io.weir.connectors.format.RowEncoder;
import io.weir.runtime.types.RowType;

import java.util.List;
import java.util.Set;

/** The {@code 'format' = 'json'} format: one JSON object per record (per line in files). */
public final class JsonFormatFactory implements FormatFactory {

    @Override
    public String identifier() {
        return "json";
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(Json.ALL);
    }

    @Override
    public RowDecoder createDecoder(RowType rowType, Configuration options) {
        if (options.get(Json.FAIL_ON_MISSING_FIELD) && options.get(Json.IGNORE_PARSE_ERRORS)) {
            throw new io.weir.runtime.connector.ValidationException("Options '" + Json.FAIL_ON_MISSING_FIELD.key() + "' and '"
                + Json.IGNORE_PARSE_ERRORS.key() + "' cannot both be true (as in Flink)");
        }
        return new JsonRowDecoder(rowType, options.get(Json.TIMESTAMP_FORMAT) == TimestampStandard.ISO_8601,
            options.get(Json.FAIL_ON_MISSING_FIELD), options.get(Json.IGNORE_PARSE_ERRORS));
    }

    @Override
    public RowEncoder createEncoder(RowType rowType, Configuration options) {
        return new JsonRowEncoder(rowType, options.get(Json.TIMESTAMP_FORMAT) == TimestampStandard.ISO_8601);
    }
}
