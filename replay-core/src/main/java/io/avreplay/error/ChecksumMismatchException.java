package io.avreplay.error;

/** Bytes of a log fail their recorded CRC-32C (a flipped bit, a partial overwrite). Exit code 3. */
public class ChecksumMismatchException extends CorruptLogException {
    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(String message) {
        super(message);
    }
}
