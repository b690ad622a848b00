package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations such as {@code 20s}, {@code 1500ms}, {@code 2m}, {@code 0.5s} into nanoseconds; a bare
 * number means seconds. The one duration parser of the CLI ({@link DurationConverter} uses it too).
 * Points in time on a log's timeline are {@code io.avreplay.replay.play.TimeSpec}s instead.
 */
final class Durations {
    private static final Pattern P = Pattern.compile("(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(ns|us|ms|s|m|h)?");

    private Durations() {
    }

    static long parseNs(String option, String text) {
        Matcher m = P.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidConfigException(option + ": '" + text + "' is not a duration (expected e.g. 20s, 1500ms, 2m)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double scale = switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new IllegalStateException(unit);
        };
        return Math.round(v * scale);
    }
}
