package io.weir.connectors.format.csv;

import io.weir.checkpoint.config.ConfigOption;
import io.weir.checkpoint.config.Configuration;
import io.weir.connectors.ConnectorOptions.Csv;
import io.weir.connectors.format.FileFormat;
import io.weir.connectors.format.FormatFactory;
import io.weir.connectors.format.LineFileFormat;
import io.weir.connectors.format.RowDecoder;
import io.weir.connectors.format.RowEncoder;
import io.weir.runtime.connector.ValidationException;
import io.weir.runtime.types.RowType;

import java.util.List;
import java.util.Set;

/** The {@code 'format' = 'csv'} format: one line per record. */
public final class CsvFormatFactory implements FormatFactory {

    @Override
    public String identifier() {
        return "csv";
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.copyOf(Csv.ALL);
    }

    @Override
    public boolean readsFieldsByName() {
        return false;
    }

    @Override
    public RowDecoder createDecoder(RowType rowType, Configuration options) {
        return new CsvRowDecoder(rowType, delimiter(options), quote(options), options.get(Csv.NULL_LITERAL),
            options.get(Csv.ALLOW_COMMENTS), options.get(Csv.IGNORE_PARSE_ERRORS));
    }

    @Override
    public RowEncoder createEncoder(RowType rowType, Configuration options) {
        return new CsvRowEncoder(rowType, delimiter(options), quote(options), options.get(Csv.NULL_LITERAL));
    }

    @Override
    public FileFormat createFileFormat(RowType rowType, Configuration options) {
        createDecoder(rowType, options); // fails early on unsupported types or bad options
        return new LineFileFormat(() -> createDecoder(rowType, options), () -> createEncoder(rowType, options), identifier(),
            quote(options), options.get(Csv.ALLOW_COMMENTS) ? '#' : -1);
    }

    static char delimiter(Configuration options) {
        String d = options.get(Csv.FIELD_DELIMITER);
        if ("\\t".equals(d)) {
            return '\t';
        }
        return singleChar(Csv.FIELD_DELIMITER, d);
    }

    static int quote(Configuration options) {
        if (options.get(Csv.DISABLE_QUOTE_CHARACTER)) {
            return -1;
        }
        return singleChar(Csv.QUOTE_CHARACTER, options.get(Csv.QUOTE_CHARACTER));
    }

    private static char singleChar(ConfigOption<String> option, String value) {
        if (value.length() != 1) {
            throw new ValidationException("Option '" + option.key() + "' must be a single character, but was '" + value + "'");
        }
        return value.charAt(0);
    }
}
