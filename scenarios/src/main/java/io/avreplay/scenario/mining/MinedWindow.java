package io.avreplay.scenario.mining;

import java.util.Objects;

/**
 * A window where a rule held, with pre- and post-roll, after merging overlaps.
 *
 * @param logId          the log
 * @param rule           the rule
 * @param startNs        window start, absolute ns
 * @param endNs          window end, absolute ns
 * @param matchingFrames annotated timestamps in the window where the rule held
 * @param firstMatchNs   the first of them, absolute ns
 */
public record MinedWindow(String logId, MiningRule rule, long startNs, long endNs, int matchingFrames, long firstMatchNs) {
    public MinedWindow {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(rule, "rule");
        if (endNs <= startNs) {
            throw new IllegalArgumentException("window end must be after start: " + startNs + ".." + endNs);
        }
    }
}
