package io.weir.connectors.options;

/** A table's connector or format options are wrong; the message names the table and the option. */
public class ValidationException extends IllegalArgumentException {
    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
