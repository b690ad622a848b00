package io.avreplay.replay.play;

import io.avreplay.error.InvalidConfigException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point of a replay window: either an absolute timestamp (ns) or an offset from the start of the
 * replayed timeline (the earliest {@code startNs} of the logs).
 *
 * @param value    ns: the timestamp when absolute, the offset otherwise
 * @param absolute true for an absolute timestamp
 */
public record TimeSpec(long value, boolean absolute) {
    private static final Pattern OFFSET = Pattern.compile("\\+?(\\d+(?:\\.\\d+)?)(ns|us|ms|s|min|h)");
    private static final Pattern ABSOLUTE = Pattern.compile("\\d+");

    public TimeSpec {
        if (!absolute && value < 0) {
            throw new IllegalArgumentException("offset must be >= 0 ns, got " + value);
        }
    }

    public static TimeSpec absoluteNs(long ns) {
        return new TimeSpec(ns, true);
    }

    public static TimeSpec offsetNs(long ns) {
        return new TimeSpec(ns, false);
    }

    /**
     * Parses {@code 5s}, {@code +1500ms}, {@code 0.25s}, {@code 2min}, {@code 300us}, {@code 10ns}
     * (offsets from the timeline start; units ns, us, ms, s, min, h) or a bare integer, which is an
     * absolute timestamp in ns.
     *
     * @throws InvalidConfigException naming the text and the accepted forms
     */
    public static TimeSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (ABSOLUTE.matcher(t).matches()) {
            try {
                return absoluteNs(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new InvalidConfigException("time '" + text + "' does not fit in 64-bit ns", e);
            }
        }
        Matcher m = OFFSET.matcher(t);
        if (!m.matches()) {
            throw new InvalidConfigException("cannot parse time '" + text + "' (expected an offset such as 5s, "
                    + "1500ms, 2min or an absolute timestamp in ns)");
        }
        double scale = switch (m.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> 3600e9;
        };
        double ns = Double.parseDouble(m.group(1)) * scale;
        if (ns > Long.MAX_VALUE / 2.0) {
            throw new InvalidConfigException("time offset '" + text + "' is too large");
        }
        return offsetNs(Math.round(ns));
    }

    /** @return the absolute timestamp, ns, for a timeline starting at {@code timelineStartNs} */
    public long resolve(long timelineStartNs) {
        return absolute ? value : timelineStartNs + value;
    }

    /** @return {@code 5000000000ns offset} or {@code @1700000000000000000ns} */
    @Override
    public String toString() {
        return absolute ? "@" + value + "ns" : "+" + value + "ns";
    }
}
