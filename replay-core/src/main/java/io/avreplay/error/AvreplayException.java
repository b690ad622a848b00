package io.avreplay.error;

/**
 * Base of all avreplay domain errors. Unchecked; the message is a single line meant for a person.
 */
public class AvreplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AvreplayException(String message) {
        super(message);
    }

    public AvreplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
