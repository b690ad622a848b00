package io.avreplay.replay.play;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a replay released.
 *
 * @param framesPerStream    sensor frames released per sensor id (in sync mode: the reference frames
 *                           and the camera frames inside the frame sets), sorted by id
 * @param items              items released: frames, or frame sets in sync mode
 * @param wallNs             time from the first request to the end, ns, by the replay's clock
 *                           (includes opening the read-ahead readers and decoding the first frame)
 * @param releaseSpanNs      time from releasing the first item to releasing the last, ns
 * @param replayedNs         log time covered, ns: per loop, last minus first released timestamp
 * @param loops              loops started
 * @param skippedByReason    skipped frames per reason
 * @param skipped            the first {@value #MAX_LISTED_SKIPS} skipped frames, in replay order
 * @param peakReadAheadBytes the most bytes of decoded frames held by the read-ahead queue at once
 *                           (0 without read-ahead)
 */
public record ReplaySummary(SortedMap<String, Long> framesPerStream, long items, long wallNs, long releaseSpanNs, long replayedNs,
        int loops, Map<SkipReason, Long> skippedByReason, List<SkippedFrame> skipped, long peakReadAheadBytes) {
    /** How many skipped frames are listed individually. */
    public static final int MAX_LISTED_SKIPS = 100;

    public ReplaySummary {
        framesPerStream = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(framesPerStream));
        Objects.requireNonNull(skippedByReason, "skippedByReason");
        skippedByReason = Map.copyOf(skippedByReason);
        skipped = List.copyOf(skipped);
    }

    /** @return sensor frames released, over all streams */
    public long totalFrames() {
        return framesPerStream.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return frames skipped, for every reason */
    public long totalSkipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @return log time replayed per wall time between the first and the last release (2.0 = twice
     *         real time); NaN when that took no time (fewer than two items)
     */
    public double effectiveRate() {
        return releaseSpanNs == 0 ? Double.NaN : (double) replayedNs / releaseSpanNs;
    }

    /** @return items released per wall second; NaN when no wall time passed */
    public double itemsPerSecond() {
        return wallNs == 0 ? Double.NaN : items * 1e9 / wallNs;
    }
}
