package io.avreplay.replay.time;

/**
 * A point of a replay window: either an absolute timestamp (ns) or an offset from the start of the
 * replayed timeline (the earliest {@code startNs} of the logs). Parsed by {@link DurationGrammar#parsePoint}.
 *
 * @param value    ns: the timestamp when absolute, the offset otherwise
 * @param absolute true for an absolute timestamp
 */
public record TimeSpec(long value, boolean absolute) {
    /** @throws IllegalArgumentException when an offset is negative */
    public TimeSpec {
        if (!absolute && value < 0) {
            throw new IllegalArgumentException("offset must be >= 0 ns, got " + value);
        }
    }

    /** @return the absolute timestamp {@code ns} */
    public static TimeSpec absoluteNs(long ns) {
        return new TimeSpec(ns, true);
    }

    /** @return the offset {@code ns} from the timeline's start */
    public static TimeSpec offsetNs(long ns) {
        return new TimeSpec(ns, false);
    }

    /**
     * Parses a point with the one grammar ({@link DurationGrammar#parsePoint}).
     *
     * @throws io.avreplay.error.InvalidConfigException naming the text and the accepted forms
     */
    public static TimeSpec parse(String text) {
        return DurationGrammar.parsePoint("time", text);
    }

    /** @return the absolute timestamp, ns, for a timeline starting at {@code timelineStartNs} */
    public long resolve(long timelineStartNs) {
        return absolute ? value : timelineStartNs + value;
    }

    /** @return {@code +5000000000ns} (offset) or {@code @1700000000000000000ns} (absolute) */
    @Override
    public String toString() {
        return absolute ? "@" + value + "ns" : "+" + value + "ns";
    }
}
