package io.avreplay.scenario.scoring;

import java.util.Objects;

/**
 * The life of one ground-truth object (by instance id, per log) inside a filter.
 *
 * @param logId          its log
 * @param trackId        its instance id
 * @param category       its evaluation class
 * @param firstSeenNs    timestamp of its first frame in the filter, ns
 * @param framesPresent  frames in which it is in the filter and counted, &gt;= 1
 * @param framesDetected of those, frames in which it is matched
 * @param longestMissS   longest run of consecutive present-but-missed frames times the frame period, s
 * @param firstDetectS   from its first frame in the filter to its first detection there, seconds;
 *                       {@code +Infinity} when never detected
 */
public record ObjectTimeline(String logId, String trackId, String category, long firstSeenNs, int framesPresent,
        int framesDetected, double longestMissS, double firstDetectS) {
    public ObjectTimeline {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(category, "category");
        if (framesPresent < 1 || framesDetected < 0 || framesDetected > framesPresent) {
            throw new IllegalArgumentException("framesDetected " + framesDetected + " must be in [0, framesPresent "
                    + framesPresent + "], framesPresent >= 1");
        }
    }

    /** @return detected / present frames */
    public double detectedShare() {
        return (double) framesDetected / framesPresent;
    }

    /** @return whether it was never detected in the filter */
    public boolean neverDetected() {
        return framesDetected == 0;
    }
}
