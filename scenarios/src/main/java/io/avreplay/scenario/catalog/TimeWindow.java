package io.avreplay.scenario.catalog;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.time.DurationGrammar;
import io.avreplay.scenario.yaml.YamlNode;

/**
 * A scenario's time window, either offsets from the log's start ({@code start: 2s, end: 12s}) or
 * absolute timestamps ({@code startNs: …, endNs: …}). Both ends are inclusive.
 *
 * @param startNs      start, ns (offset or absolute)
 * @param endNs        end, ns, &gt; start
 * @param fromLogStart whether the values are offsets from the log's first timestamp
 */
public record TimeWindow(long startNs, long endNs, boolean fromLogStart) {
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
     * Parses a duration field with the one grammar ({@link DurationGrammar}: {@code 2s}, {@code 1500ms},
     * {@code 1.5min}, {@code 12} seconds; at most 24 h) into ns.
     *
     * @throws RuntimeException the document's error type, naming file, line and field
     */
    public static long durationNs(YamlNode n) {
        try {
            return DurationGrammar.parseNs("duration", n.text());
        } catch (InvalidConfigException e) {
            throw n.error(e.getMessage().replaceFirst("^duration: ", ""));
        }
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
