package io.weir.connectors.format.csv;

import io.weir.connectors.format.MalformedRecordException;
import io.weir.connectors.format.RowDecoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decodes one CSV line into an {@code INSERT} row. A field enclosed in the quote character may
 * contain the delimiter and line breaks, and a doubled quote stands for one quote (RFC 4180). An unquoted field equal to the
 * null literal is NULL; without a null literal, an empty unquoted field is NULL (and an empty
 * string is written quoted, so that both round-trip).
 */
public final class CsvRowDecoder implements RowDecoder {
    private final String[] names;
    private final Function<String, Object>[] parsers;
    private final char delimiter;
    private final int quote;
    private final String nullLiteral;
    private final boolean allowComments;
    private final boolean ignoreParseErrors;
    private final StringBuilder field = new StringBuilder();
    private long skipped;

    @SuppressWarnings("unchecked")
    public CsvRowDecoder(RowType rowType, char delimiter, int quote, String nullLiteral, boolean allowComments,
                         boolean ignoreParseErrors) {
        int n = rowType.arity();
        this.names = rowType.fieldNames().toArray(new String[0]);
        this.parsers = new Function[n];
        for (int i = 0; i < n; i++) {
            CsvValues.checkSupported(rowType.fieldType(i), names[i]);
            parsers[i] = CsvValues.parser(rowType.fieldType(i));
        }
        this.delimiter = delimiter;
        this.quote = quote;
        this.nullLiteral = nullLiteral;
        this.allowComments = allowComments;
        this.ignoreParseErrors = ignoreParseErrors;
    }

    @Override
    public void decode(byte[] bytes, int offset, int length, Consumer<Row> out) {
        String line = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (allowComments && line.startsWith("#")) {
            return;
        }
        Row row;
        try {
            row = parse(line);
        } catch (MalformedRecordException e) {
            if (ignoreParseErrors) {
                skipped++;
                return;
            }
            throw e;
        }
        out.accept(row);
    }

    private Row parse(String line) {
        Object[] values = new Object[names.length];
        int pos = 0;
        int i = 0;
        int len = line.length();
        while (true) {
            if (i >= names.length) {
                throw new MalformedRecordException(null, "more than the " + names.length + " fields of the table", null);
            }
            field.setLength(0);
            boolean quoted = quote >= 0 && pos < len && line.charAt(pos) == quote;
            pos = quoted ? readQuoted(line, pos + 1, i) : readPlain(line, pos);
            values[i] = convert(i, quoted);
            i++;
            if (pos >= len) {
                break;
            }
            pos++; // the delimiter
            if (pos == len) {
                field.setLength(0);
                if (i >= names.length) {
                    throw new MalformedRecordException(null, "more than the " + names.length + " fields of the table", null);
                }
                values[i] = convert(i, false);
                i++;
                break;
            }
        }
        if (i < names.length) {
            throw new MalformedRecordException(names[i], "missing: the line has only " + i + " of " + names.length + " fields", null);
        }
        return Row.of(values);
    }

    private int readPlain(String line, int pos) {
        int end = line.indexOf(delimiter, pos);
        if (end < 0) {
            end = line.length();
        }
        field.append(line, pos, end);
        return end;
    }

    private int readQuoted(String line, int pos, int fieldIndex) {
        int len = line.length();
        while (pos < len) {
            char c = line.charAt(pos);
            if (c == quote) {
                if (pos + 1 < len && line.charAt(pos + 1) == quote) {
                    field.append(c);
                    pos += 2;
                    continue;
                }
                pos++;
                if (pos < len && line.charAt(pos) != delimiter) {
                    throw new MalformedRecordException(names[fieldIndex], "unexpected character after closing quote", null);
                }
                return pos;
            }
            field.append(c);
            pos++;
        }
        throw new MalformedRecordException(names[fieldIndex], "unterminated quoted field", null);
    }

    private Object convert(int i, boolean quoted) {
        String text = field.toString();
        if (!quoted && (nullLiteral != null ? text.equals(nullLiteral) : text.isEmpty())) {
            return null;
        }
        try {
            return parsers[i].apply(text);
        } catch (RuntimeException e) {
            throw new MalformedRecordException(names[i], "cannot parse '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }
}
