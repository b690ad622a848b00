package io.avreplay.replay.inspect;

import java.util.Objects;

/**
 * One finding of {@link LogValidator}.
 *
 * @param check    which check found it, e.g. {@code timestamps}, {@code gap}, {@code calibration}
 * @param location file and frame (or row) it concerns
 * @param message  what is wrong, with expected versus actual
 */
public record Problem(String check, String location, String message) {
    public Problem {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": [" + check + "] " + message;
    }
}
