package io.weir.connectors.format.json;

import java.nio.charset.StandardCharsets;

/**
 * A minimal JSON tokenizer over a byte range, for decoders that convert values straight into
 * Weir's internal representation: no token objects, no symbol tables, strings decoded only when
 * a value is kept. Callers drive it by the shape they expect ({@link #expect}, {@link #peek}) and
 * skip what they do not need ({@link #skipValue}). Not thread-safe; reset per record with
 * {@link #reset}.
 *
 * <p>Maintenance note: this replaces Jackson on the read path because Jackson's per-parser setup
 * (I/O context, symbol-table child, token state) dominated the cost of short NDJSON records; the
 * write path still uses Jackson's generator.
 */
final class JsonScanner {
    byte[] buf;
    int pos;
    int end;
    private final StringBuilder sb = new StringBuilder(64);

    void reset(byte[] bytes, int offset, int length) {
        this.buf = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Skips whitespace and returns the next byte without consuming it, or -1 at the end. */
    int peek() {
        while (pos < end) {
            byte b = buf[pos];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b;
            }
            pos++;
        }
        return -1;
    }

    void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** Consumes {@code c} if it is next (after whitespace). */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** True (and consumed) if the next value is the literal {@code null}. */
    boolean consumeNull() {
        if (peek() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    void literal(String word) {
        if (end - pos < word.length()) {
            throw error("expected '" + word + "'");
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[pos + i] != word.charAt(i)) {
                throw error("expected '" + word + "'");
            }
        }
        pos += word.length();
    }

    /**
     * Scans a string whose opening quote is next; returns its end (exclusive, before the closing
     * quote) and leaves {@link #pos} after the closing quote. {@code start} receives nothing: the
     * content starts at the returned {@code stringStart}.
     */
    int stringStart;
    boolean stringHasEscapes;
    boolean stringIsAscii;

    int scanString() {
        expect('"');
        stringStart = pos;
        stringHasEscapes = false;
        int bits = 0;
        while (pos < end) {
            byte b = buf[pos];
            bits |= b;
            if (b == '"') {
                stringIsAscii = bits >= 0;
                int stringEnd = pos;
                pos++;
                return stringEnd;
            }
            if (b == '\\') {
                stringHasEscapes = true;
                pos += 2;
                continue;
            }
            pos++;
        }
        throw error("unterminated string");
    }

    /** Reads a string value (after {@link #peek} saw a quote) into a Java String. */
    String readString() {
        int stringEnd = scanString();
        if (stringIsAscii && !stringHasEscapes) {
            return new String(buf, stringStart, stringEnd - stringStart, StandardCharsets.ISO_8859_1);
        }
        return decode(stringStart, stringEnd, stringHasEscapes);
    }

    String decode(int from, int to, boolean escapes) {
        if (!escapes) {
            for (int i = from; i < to; i++) {
                if (buf[i] < 0) {
                    return new String(buf, from, to - from, StandardCharsets.UTF_8);
                }
            }
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        sb.setLength(0);
        int runStart = from;
        int i = from;
        while (i < to) {
            if (buf[i] != '\\') {
                i++;
                continue;
            }
            sb.append(new String(buf, runStart, i - runStart, StandardCharsets.UTF_8));
            char e = (char) buf[i + 1];
            switch (e) {
                case '"': case '\\': case '/': sb.append(e); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (i + 6 > to) {
                        throw error("bad \\u escape");
                    }
                    sb.append((char) Integer.parseInt(new String(buf, i + 2, 4, StandardCharsets.ISO_8859_1), 16));
                    i += 4;
                    break;
                default: throw error("bad escape '\\" + e + "'");
            }
            i += 2;
            runStart = i;
        }
        sb.append(new String(buf, runStart, to - runStart, StandardCharsets.UTF_8));
        return sb.toString();
    }

    /** Scans a number token; returns its end and leaves {@link #pos} there. {@code numberStart} is its start. */
    int numberStart;
    boolean numberIsIntegral;

    int scanNumber() {
        peek();
        numberStart = pos;
        numberIsIntegral = true;
        if (pos < end && (buf[pos] == '-' || buf[pos] == '+')) {
            pos++;
        }
        int digitsStart = pos;
        while (pos < end) {
            byte b = buf[pos];
            if (b >= '0' && b <= '9') {
                pos++;
            } else if (b == '.' || b == 'e' || b == 'E' || ((b == '-' || b == '+') && pos > digitsStart)) {
                numberIsIntegral = false;
                pos++;
            } else {
                break;
            }
        }
        if (pos == digitsStart) {
            throw error("expected a value");
        }
        return pos;
    }

    /** Parses an integral number in {@code [from, to)}; NumberFormatException if it does not fit a long. */
    long parseLong(int from, int to) {
        boolean neg = buf[from] == '-';
        int i = neg || buf[from] == '+' ? from + 1 : from;
        if (to - i > 18) {
            return Long.parseLong(text(from, to));
        }
        long v = 0;
        for (; i < to; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        return neg ? -v : v;
    }

    String text(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Skips any value (object, array, string, number, literal). */
    void skipValue() {
        int c = peek();
        switch (c) {
            case '{': case '[': skipStructure(); break;
            case '"': scanString(); break;
            case 't': literal("true"); break;
            case 'f': literal("false"); break;
            case 'n': literal("null"); break;
            default: scanNumber();
        }
    }

    private void skipStructure() {
        int depth = 0;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"') {
                scanString();
                continue;
            }
            pos++;
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    return;
                }
            }
        }
        throw error("unterminated object or array");
    }

    /** The raw JSON text of the next value (for string columns that receive objects or numbers). */
    String rawValue() {
        int from = pos;
        skipValue();
        return new String(buf, from, pos - from, StandardCharsets.UTF_8).trim();
    }

    IllegalArgumentException error(String what) {
        int shown = Math.min(end, pos + 20);
        String near = pos < end ? " near '" + new String(buf, pos, shown - pos, StandardCharsets.UTF_8) + "'" : " at the end";
        return new IllegalArgumentException("invalid JSON: " + what + near);
    }
}
