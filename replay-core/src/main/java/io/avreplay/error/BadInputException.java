package io.avreplay.error;

/**
 * Input data (a log, a ground-truth or prediction file, a dataset being imported) is unreadable or
 * violates its format. The command line exits with code 3.
 */
public class BadInputException extends AvreplayException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
