package io.weir.runtime.connector;

/** A table's options are invalid; the message names the table, the option and the valid choices. */
public class ValidationException extends RuntimeException {
    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
