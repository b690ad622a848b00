package io.avreplay.perception.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {
    private static Detection3d car(double x, double y, double score) {
        return Detection3d.of(Box3d.ego(new Vec3(x, y, 0.8), 4.5, 1.9, 1.6, 0), "car", score, 0, 0);
    }

    @Test
    void matchesSameClassWithinHalfAMetreAndKeepsTheLargestScoreGap() {
        Map<Long, List<Detection3d>> ref = Map.of(1L, List.of(car(10, 0, 0.9), car(20, 0, 0.5)),
                2L, List.of(car(5, 5, 0.7)));
        Map<Long, List<Detection3d>> other = Map.of(
                // (10.3, 0.3) is 0.42 m from (10, 0): matched, |0.9 - 0.6| = 0.3. (20.6, 0) is 0.6 m away: missed.
                1L, List.of(car(10.3, 0.3, 0.6), car(20.6, 0, 0.5)),
                // a pedestrian on the spot does not match a car
                2L, List.of(Detection3d.of(Box3d.ego(new Vec3(5, 5, 0.9), 0.6, 0.6, 1.8, 0), "pedestrian", 0.7, 0, 0)));
        Agreement a = Agreement.of(ref, other, 0.5);
        assertEquals(3, a.referenceDetections());
        assertEquals(1, a.matched());
        assertEquals(1.0 / 3, a.matchedShare(), 1e-12);
        assertEquals(0.3, a.maxScoreDifference(), 1e-12);
    }

    private static Detection2d box(String camera, String category, double x1, double x2, double score) {
        return new Detection2d(camera, new Box2d(x1, 0, x2, 10), category, score, "", 0, "m");
    }

    @Test
    void twoDimensionalBoxesAgreeAtIouNinetyOnTheSameCameraAndClass() {
        Map<Long, List<Detection2d>> ref = Map.of(1L, List.of(box("cam_front", "car", 0, 100, 0.8),
                box("cam_front", "car", 200, 300, 0.6), box("cam_front", "pedestrian", 400, 420, 0.5)));
        Map<Long, List<Detection2d>> other = Map.of(1L, List.of(
                // [0, 95] x [0, 10] against [0, 100] x [0, 10]: IoU 950 / 1000 = 0.95, matched, |0.8 - 0.7| = 0.1.
                box("cam_front", "car", 0, 95, 0.7),
                // [210, 300] against [200, 300]: IoU 900 / 1000 = 0.9, matched at the bound, score gap 0.
                box("cam_front", "car", 210, 300, 0.6),
                // the right box on another camera does not match
                box("cam_left", "pedestrian", 400, 420, 0.5)));
        Agreement a = Agreement.of2d(ref, other, 0.9);
        assertEquals(3, a.referenceDetections());
        assertEquals(2, a.matched());
        assertEquals(0.1, a.maxScoreDifference(), 1e-12);
        // [0, 80] against [0, 100]: IoU 0.8, below the bound.
        assertEquals(0, Agreement.of2d(Map.of(1L, List.of(box("c", "car", 0, 100, 1))),
                Map.of(1L, List.of(box("c", "car", 0, 80, 1))), 0.9).matched());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // p50: rank ceil(0.5 * 10) = 5 -> 5; p90: rank 9 -> 9; p99: rank ceil(9.9) = 10 -> 10.
        assertEquals(5, Comparison.percentile(ms, 0.5));
        assertEquals(9, Comparison.percentile(ms, 0.9));
        assertEquals(10, Comparison.percentile(ms, 0.99));
        assertEquals(Double.NaN, Comparison.percentile(new double[0], 0.5));
    }
}
