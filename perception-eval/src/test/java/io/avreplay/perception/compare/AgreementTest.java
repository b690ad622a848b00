package io.avreplay.perception.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
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
