package io.avreplay.scenario.catalog;

import io.avreplay.scenario.yaml.YamlNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's time window, either offsets from the log's start ({@code start: 2s, end: 12s}) or
 * absolute timestamps ({@code startNs: …, endNs: …}). Both ends are inclusive.
 *
 * @param startNs      start, ns (offset or absolute)
 * @param endNs        end, ns, &gt; start
 * @param fromLogStart whether the values are offsets from the log's first timestamp
 */
public record TimeWindow(long startNs, long endNs, boolean fromLogStart) {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|min|m)?");

    /** @throws IllegalArgumentException when end is not after start or an offset is negative */
    public TimeWindow {
        if (endNs <= startNs) {
            throw new IllegalArgumentException("window end must be after its start, got " + startNs + ".." + endNs + " ns");
        }
        if (fromLogStart && startNs < 0) {
            throw new IllegalArgumentException("window offset must be >= 0, got " + startNs + " ns");
        }
    }

    /** @return the length of the window, ns */
    public long durationNs() {
        return endNs - startNs;
    }

    /** @return the absolute window in a log that starts at {@code logStartNs} */
    public long[] absolute(long logStartNs) {
        return fromLogStart ? new long[] {logStartNs + startNs, logStartNs + endNs} : new long[] {startNs, endNs};
    }

    /** Reads {@code {start, end}} offsets or {@code {startNs, endNs}} absolute timestamps. */
    static TimeWindow read(YamlNode n) {
        n.allowOnly(java.util.Set.of("start", "end", "startNs", "endNs"));
        boolean offsets = n.opt("start").isPresent() || n.opt("end").isPresent();
        try {
            if (offsets) {
                if (n.opt("startNs").isPresent() || n.opt("endNs").isPresent()) {
                    throw n.error("give either start/end offsets or startNs/endNs, not both");
                }
                return new TimeWindow(durationNs(n.get("start")), durationNs(n.get("end")), true);
            }
            return new TimeWindow(n.get("startNs").integer(), n.get("endNs").integer(), false);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    /**
     * Parses {@code 2s}, {@code 1500ms}, {@code 1.5min}, {@code 12} (seconds) into ns.
     *
     * @throws RuntimeException the document's error type, naming file, line and field
     */
    public static long durationNs(YamlNode n) {
        Matcher m = DURATION.matcher(n.text().trim());
        if (!m.matches()) {
            throw n.error("'" + n.text() + "' is not a duration (expected e.g. 2s, 1500ms, 1min)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double scale = switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        double ns = v * scale;
        if (ns > 1e18) {
            throw n.error("duration '" + n.text() + "' is too long");
        }
        return Math.round(ns);
    }

    /** @return a compact text form, e.g. {@code 2s..12s} or {@code 1700…ns..1700…ns} */
    @Override
    public String toString() {
        return fromLogStart ? seconds(startNs) + ".." + seconds(endNs) : startNs + "ns.." + endNs + "ns";
    }

    static String seconds(long ns) {
        double s = ns / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + "s";
    }
}
