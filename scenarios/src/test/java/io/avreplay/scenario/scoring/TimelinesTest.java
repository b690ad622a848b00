package io.avreplay.scenario.scoring;

import static io.avreplay.scenario.scoring.Fixtures.det;
import static io.avreplay.scenario.scoring.Fixtures.gt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelinesTest {
    static final long PERIOD_NS = 100_000_000L;

    /**
     * Ten frames at 10 Hz. Pedestrian "p" walks from 30 m to 12 m (x = 30 - 2f); detected in frames 0, 4
     * and 9 only. Pedestrian "q" stays at 5 m and is never detected.
     */
    static List<MatchedFrame> frames() {
        List<MatchedFrame> out = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            double x = 30 - 2 * f;
            List<Detection3d> d = f == 0 || f == 4 || f == 9 ? List.of(det("pedestrian", x, 0, 0.9)) : List.of();
            out.add(Fixtures.AT_2M.match("log", f * PERIOD_NS, List.of(gt("pedestrian", "p", x, 0),
                    gt("pedestrian", "q", 5, 5)), d));
        }
        return out;
    }

    @Test
    void longestMissAndFirstDetection() {
        List<ObjectTimeline> t = Timelines.of(frames(), ObjectFilter.of("pedestrian", DistanceBin.ALL));
        // Worst first: q misses all 10 frames (1.0 s, never detected), then p.
        assertEquals("q", t.get(0).trackId());
        assertEquals(1.0, t.get(0).longestMissS(), 1e-9);
        assertTrue(t.get(0).neverDetected() && Double.isInfinite(t.get(0).firstDetectS()));
        ObjectTimeline p = t.get(1);
        // p: misses frames 1-3 (3) and 5-8 (4): longest 4 frames x 0.1 s = 0.4 s; detected 3 of 10.
        assertEquals(0.4, p.longestMissS(), 1e-9);
        assertEquals(0.3, p.detectedShare(), 1e-12);
        assertEquals(0.0, p.firstDetectS(), 1e-12);
        assertEquals(0.4, TimelineMeasure.MAX_MISS_S.worst(List.of(p)), 1e-9);
    }

    @Test
    void rangeEntryStartsTheClock() {
        // Within 0-20 m, p is present from frame 6 (x = 18) to 9 and first detected in frame 9: 0.3 s after
        // entering; misses frames 6-8: 0.3 s.
        List<ObjectTimeline> t = Timelines.of(frames(), ObjectFilter.of("pedestrian", DistanceBin.parse("0-20m")));
        ObjectTimeline p = t.stream().filter(o -> o.trackId().equals("p")).findFirst().orElseThrow();
        assertEquals(4, p.framesPresent());
        assertEquals(0.3, p.firstDetectS(), 1e-9);
        assertEquals(0.3, p.longestMissS(), 1e-9);
        assertEquals(6 * PERIOD_NS, p.firstSeenNs());
        // Smallest detected share is q's 0; the gate value of first_detect_s is q's +Infinity.
        assertEquals(0.0, TimelineMeasure.DETECTED_SHARE.worst(t), 1e-12);
        assertTrue(Double.isInfinite(TimelineMeasure.FIRST_DETECT_S.worst(t)));
        assertTrue(Double.isNaN(TimelineMeasure.MAX_MISS_S.worst(List.of())));
    }
}
