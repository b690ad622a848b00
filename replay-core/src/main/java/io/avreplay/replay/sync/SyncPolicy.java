package io.avreplay.replay.sync;

import io.avreplay.replay.arrow.FrameStream;

/** How a camera frame is chosen for a reference timestamp. */
public enum SyncPolicy {
    /** The frame closest in time, before or after; the earlier wins a tie. */
    NEAREST,
    /** The last frame at or before the reference time (what a causal, on-line system would have). */
    LATEST_BEFORE;

    /** @return the command-line name, {@code nearest} or {@code latest-before} */
    public String id() {
        return this == NEAREST ? "nearest" : "latest-before";
    }

    /** Parses {@code nearest} or {@code latest-before}. */
    public static SyncPolicy fromId(String id) {
        for (SyncPolicy p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown sync policy '" + id + "' (expected nearest or latest-before)");
    }

    /**
     * Chooses a frame of {@code stream} for {@code referenceNs} using only the time index (no data is
     * read).
     *
     * @param toleranceNs the largest accepted |camera time − reference time|, ns
     * @return the frame index, or -1 when no frame lies within the tolerance
     */
    public int pick(FrameStream<?> stream, long referenceNs, long toleranceNs) {
        int i = this == NEAREST ? stream.nearestIndex(referenceNs) : stream.floorIndex(referenceNs);
        if (i < 0) {
            return -1;
        }
        return Math.abs(stream.timestampNs(i) - referenceNs) <= toleranceNs ? i : -1;
    }
}
