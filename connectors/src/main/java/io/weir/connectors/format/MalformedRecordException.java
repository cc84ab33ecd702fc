package io.weir.connectors.format;

/**
 * A record that a format cannot decode. The message names the field; readers that know where
 * the record came from add the file and line or offset ({@link #withLocation}).
 */
public class MalformedRecordException extends RuntimeException {
    private final String field;

    public MalformedRecordException(String field, String message, Throwable cause) {
        super(field == null ? message : "field '" + field + "': " + message, cause);
        this.field = field;
    }

    private MalformedRecordException(String fullMessage, Throwable cause, String field) {
        super(fullMessage, cause);
        this.field = field;
    }

    /** The field that could not be decoded, or null when the record as a whole is broken. */
    public String field() {
        return field;
    }

    /** A copy whose message starts with where the record was, e.g. {@code file /a/b.json, line 7}. */
    public MalformedRecordException withLocation(String location) {
        return new MalformedRecordException("Malformed record at " + location + ": " + getMessage(), this, field);
    }
}
