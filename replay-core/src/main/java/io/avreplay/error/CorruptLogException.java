package io.avreplay.error;

/** A log file is truncated, fails its checksum or cannot be decoded. Exit code 3. */
public class CorruptLogException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public CorruptLogException(String message) {
        super(message);
    }

    public CorruptLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
