package io.weir.connectors.format.csv;

import io.weir.connectors.format.RowEncoder;
import io.weir.runtime.data.Row;
import io.weir.runtime.types.RowType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Encodes a row as one CSV line. Fields containing the delimiter, the quote, a line break, or
 * (for strings) nothing at all are quoted, so that an empty string and NULL stay distinct.
 */
public final class CsvRowEncoder implements RowEncoder {
    private final Function<Object, String>[] printers;
    private final char delimiter;
    private final int quote;
    private final String nullLiteral;
    private final StringBuilder sb = new StringBuilder(128);

    @SuppressWarnings("unchecked")
    public CsvRowEncoder(RowType rowType, char delimiter, int quote, String nullLiteral) {
        printers = new Function[rowType.arity()];
        for (int i = 0; i < printers.length; i++) {
            CsvValues.checkSupported(rowType.fieldType(i), rowType.fieldName(i));
            printers[i] = CsvValues.printer(rowType.fieldType(i));
        }
        this.delimiter = delimiter;
        this.quote = quote;
        this.nullLiteral = nullLiteral == null ? "" : nullLiteral;
    }

    @Override
    public void encode(Row row, OutputStream out) throws IOException {
        sb.setLength(0);
        for (int i = 0; i < printers.length; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            Object v = row.getField(i);
            if (v == null) {
                sb.append(nullLiteral);
            } else {
                appendField(printers[i].apply(v));
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void appendField(String s) {
        boolean needsQuote = quote >= 0 && (s.isEmpty() || s.equals(nullLiteral) || s.indexOf(delimiter) >= 0
            || s.indexOf(quote) >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0);
        if (!needsQuote) {
            sb.append(s);
            return;
        }
        sb.append((char) quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote) {
                sb.append(c);
            }
            sb.append(c);
        }
        sb.append((char) quote);
    }
}
