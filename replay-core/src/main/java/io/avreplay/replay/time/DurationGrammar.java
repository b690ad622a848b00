package io.avreplay.replay.time;

import io.avreplay.error.InvalidConfigException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of avreplay: {@code 500ms}, {@code 2s}, {@code 1.5min}, {@code 2m} (minutes),
 * {@code 1h}, {@code 250us}, {@code 1000ns}, or a plain number, which means seconds. Durations are
 * non-negative and at most {@link #MAX_NS} (24 h): anything longer is a typo or an attack on memory,
 * never a log. Points on a timeline ({@link #parsePoint}) add absolute timestamps, written only as
 * {@code @<ns>} or {@code <ns>ns}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DurationGrammar {
    /** The longest duration accepted, ns (24 hours). */
    public static final long MAX_NS = 24L * 3600 * 1_000_000_000L;

    /** The accepted forms, as every error message lists them. */
    public static final String FORMS = "500ms, 2s, 1.5min, 2m (minutes), 1h, 250us, 1000ns, or a plain number of seconds";

    private static final Pattern DURATION = Pattern.compile("\\+?(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ns|us|ms|s|min|m|h)?");
    private static final Pattern ABSOLUTE = Pattern.compile("(?:@(\\d+)(?:ns)?)|(?:(\\d+)ns)");

    private DurationGrammar() {
    }

    /**
     * Parses a duration.
     *
     * @param field what is parsed, for the message (an option such as {@code --duration} or a file field)
     * @param text  the text, e.g. {@code 1.5min}
     * @return the duration, ns, in {@code [0, MAX_NS]}
     * @throws InvalidConfigException naming the field, the text and the accepted forms, or the bound
     */
    public static long parseNs(String field, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidConfigException(field + ": '" + text + "' is not a duration (expected " + FORMS + ")");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal nsPerUnit = BigDecimal.valueOf(switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "min", "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalStateException("unit " + unit);
        });
        BigDecimal ns = new BigDecimal(m.group(1)).multiply(nsPerUnit);
        if (ns.compareTo(BigDecimal.valueOf(MAX_NS)) > 0) {
            throw new InvalidConfigException(field + ": '" + text + "' is longer than the maximum of 24h");
        }
        return ns.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * Parses a point on a timeline: {@code @<ns>} or {@code <ns>ns} is an absolute timestamp; anything
     * else is a duration (see {@link #parseNs}) from the timeline's start.
     *
     * @param field what is parsed, for the message
     * @param text  the text, e.g. {@code 2s} or {@code @1700000000000000000}
     * @return the point
     * @throws InvalidConfigException naming the field, the text and the accepted forms
     */
    public static TimeSpec parsePoint(String field, String text) {
        Matcher m = ABSOLUTE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            try {
                return TimeSpec.absoluteNs(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(field + ": timestamp '" + text + "' does not fit in 64-bit ns", e);
            }
        }
        try {
            return TimeSpec.offsetNs(parseNs(field, text));
        } catch (InvalidConfigException e) {
            if (e.getMessage().contains("maximum")) {
                throw e;
            }
            throw new InvalidConfigException(field + ": '" + text + "' is not a time (expected an offset from the start: "
                    + FORMS + "; or an absolute timestamp @<ns> or <ns>ns)", e);
        }
    }
}
