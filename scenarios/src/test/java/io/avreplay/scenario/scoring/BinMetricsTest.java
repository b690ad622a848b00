package io.avreplay.scenario.scoring;

import static io.avreplay.scenario.scoring.Fixtures.det;
import static io.avreplay.scenario.scoring.Fixtures.frame;
import static io.avreplay.scenario.scoring.Fixtures.gt;
import static io.avreplay.scenario.scoring.Fixtures.ones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinMetricsTest {
    /**
     * One frame: pedestrians at 10 m (found, score 0.9), 20 m (missed) and 40 m (found, score 0.8), and a
     * false pedestrian at 15 m (score 0.7).
     */
    static List<MatchedFrame> frames() {
        return List.of(frame(0, List.of(gt("pedestrian", "a", 10, 0), gt("pedestrian", "b", 20, 0),
                gt("pedestrian", "c", 40, 0)), List.of(det("pedestrian", 10.5, 0, 0.9), det("pedestrian", 40, 1, 0.8),
                det("pedestrian", 15, 0, 0.7))));
    }

    @Test
    void binSplitsTruthAndDetectionsByDistance() {
        BinMetrics near = BinMetrics.of(frames(), ObjectFilter.of("pedestrian", DistanceBin.parse("0-30m")));
        BinMetrics far = BinMetrics.of(frames(), ObjectFilter.of("pedestrian", DistanceBin.parse("30-")));
        int[] w = ones(1);
        // 0-30 m: truth a, b; detections: TP (a, 0.9), FP (15 m, 0.7). Recall 1/2, precision 1/2.
        assertEquals(0.5, near.recall(w), 1e-12);
        assertEquals(0.5, near.precision(w), 1e-12);
        // 30- m: truth c found by the 0.8 detection: recall 1, precision 1.
        assertEquals(1.0, far.recall(w), 1e-12);
        assertEquals(1.0, far.precision(w), 1e-12);
    }

    @Test
    void apFollowsTheNuScenesRecallGrid() {
        int[] w = ones(1);
        // 0-30 m, by score: TP (rec 0.5, prec 1), FP (rec 0.5, prec 0.5). interp at r <= 0.5: r < 0.5 lies
        // before... xp = [0.5, 0.5]: r < 0.5 takes fp[0] = 1, r = 0.5 takes the last duplicate, 0.5; r > 0.5
        // gives 0. Grid points 0.11..0.49 (39) score (1 - 0.1) / 0.9 = 1; 0.50 scores (0.5 - 0.1) / 0.9 = 4/9.
        // AP = (39 + 4/9) / 90.
        BinMetrics near = BinMetrics.of(frames(), ObjectFilter.of("pedestrian", DistanceBin.parse("0-30")));
        assertEquals((39 + 4.0 / 9) / 90, near.ap(w), 1e-12);
        // All distances: TP (1/3, 1), TP (2/3, 1), FP (2/3, 2/3). Points 0.11..0.66 (56) score 1; 0.67 > 2/3 gives 0.
        BinMetrics all = BinMetrics.of(frames(), ObjectFilter.of("pedestrian", DistanceBin.ALL));
        assertEquals(56.0 / 90, all.ap(w), 1e-12);
    }

    @Test
    void weightsReplicateFrames() {
        // Two frames: frame 0 as above, frame 1 empty of the class. Weight 2 on frame 0 doubles the counts
        // but leaves the ratios; weight 0 on frame 0 leaves no truth: NaN.
        List<MatchedFrame> two = List.of(frames().get(0), frame(1, List.of(), List.of()));
        BinMetrics near = BinMetrics.of(two, ObjectFilter.of("pedestrian", DistanceBin.parse("0-30")));
        assertEquals(4, near.truth(new int[] {2, 1}));
        assertEquals(0.5, near.recall(new int[] {2, 1}), 1e-12);
        assertTrue(Double.isNaN(near.ap(new int[] {0, 1})));
    }

    @Test
    void regionAndPointFilters() {
        // Region y in [-2, 2] keeps a (y 0) and drops a pedestrian at y 5. Points >= 5 makes the 2-point
        // truth ignored: its detection is neither TP nor FP.
        List<MatchedFrame> f = List.of(frame(0, List.of(gt("pedestrian", "a", 10, 0, 0, 10),
                gt("pedestrian", "b", 10, 5, 0, 2)), List.of(det("pedestrian", 10, 0, 0.9), det("pedestrian", 10, 5, 0.8))));
        ObjectFilter lane = new ObjectFilter(List.of("pedestrian"), DistanceBin.ALL,
                List.of(new Region("lane", 0, 60, -2, 2)), 1, 0);
        assertEquals(1, BinMetrics.of(f, lane).truth(ones(1)));
        assertEquals(1, BinMetrics.of(f, lane).detections(ones(1)));
        ObjectFilter pts = new ObjectFilter(List.of("pedestrian"), DistanceBin.ALL, List.of(), 5, 0);
        assertEquals(1, BinMetrics.of(f, pts).truth(ones(1)));
        assertEquals(1, BinMetrics.of(f, pts).detections(ones(1)));
        assertEquals(1.0, BinMetrics.of(f, pts).precision(ones(1)), 1e-12);
    }

    @Test
    void binsParseAndValidate() {
        assertEquals(new DistanceBin(50, Double.POSITIVE_INFINITY), DistanceBin.parse("50-"));
        assertEquals("0-30m", DistanceBin.parse("0-30").toString());
        assertThrows(IllegalArgumentException.class, () -> DistanceBin.parse("30-10"));
        assertThrows(IllegalArgumentException.class, () -> DistanceBin.parse("near"));
    }
}
