package io.avreplay.error;

/** An Arrow file's schema lacks a required column or has one of the wrong type. Exit code 3. */
public class SchemaMismatchException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public SchemaMismatchException(String message) {
        super(message);
    }
}
