package io.avreplay.error;

/**
 * A configuration supplied by the user (a preset, an evaluation config, a rule file, an option value)
 * is invalid. The command line exits with code 2.
 */
public class InvalidConfigException extends AvreplayException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
