package io.avreplay.eval.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameMatchTest {
    @Test
    void centreDistanceTakesHighestScoreFirstAndKeepsClassesApart() {
        // truth: car at (0,0), car at (10,0), pedestrian at (0,0.5).
        // predictions: car (0.5,0) score 0.2, car (0.3,0) score 0.9 -> the 0.9 one takes truth 0 (0.3 m),
        // the 0.2 one finds truth 1 at 9.5 m (>= 2) -> false positive; pedestrian at (0,2.6) is 2.1 m from
        // its truth -> false positive; truth 1 and the pedestrian are missed.
        FrameMatch m = FrameMatch.centreDistance(List.of("car", "car", "pedestrian"),
                new double[][] {{0.5, 0}, {0.3, 0}, {0, 2.6}}, new double[] {0.2, 0.9, 0.8},
                List.of("car", "car", "pedestrian"), new double[][] {{0, 0}, {10, 0}, {0, 0.5}},
                FrameMatch.CENTRE_DISTANCE_M);
        assertArrayEquals(new int[] {-1, 0, -1}, m.predictionToTruth());
        assertArrayEquals(new int[] {1, -1, -1}, m.truthToPrediction());
    }

    @Test
    void centreDistanceJustBelowThresholdMatches() {
        // 1.99 m < 2 m -> match
        FrameMatch m = FrameMatch.centreDistance(List.of("car"), new double[][] {{1.99, 0}}, new double[] {0.5},
                List.of("car"), new double[][] {{0, 0}}, 2.0);
        assertEquals(0, m.truthOf(0));
    }

    @Test
    void iouMatchesAtHalfAndPrefersTheBestOverlap() {
        // truth A [0,0,10,10] (area 100), truth B [5,0,15,10].
        // pred 0 [0,0,10,10] score 0.9: IoU with A = 1, with B = 50/150 -> takes A.
        // pred 1 [5,0,15,10] score 0.8: A taken; IoU with B = 1 -> takes B.
        // pred 2 [0,0,10,5] score 0.7: IoU with A = 50/100 = 0.5 (>= 0.5) but A is taken; B: 25/125 -> FP.
        FrameMatch m = FrameMatch.iou(List.of("car", "car", "car"),
                new double[][] {{0, 0, 10, 10}, {5, 0, 15, 10}, {0, 0, 10, 5}}, new double[] {0.9, 0.8, 0.7},
                List.of("car", "car"), new double[][] {{0, 0, 10, 10}, {5, 0, 15, 10}}, FrameMatch.IOU);
        assertArrayEquals(new int[] {0, 1, -1}, m.predictionToTruth());
        assertArrayEquals(new int[] {0, 1}, m.truthToPrediction());
        assertEquals(0.5, FrameMatch.iou(new double[] {0, 0, 10, 5}, new double[] {0, 0, 10, 10}), 1e-12);
    }

    @Test
    void iouExactlyHalfMatchesAndOtherClassDoesNot() {
        FrameMatch m = FrameMatch.iou(List.of("car", "pedestrian"), new double[][] {{0, 0, 10, 5}, {0, 0, 10, 10}},
                new double[] {0.5, 0.5}, List.of("car"), new double[][] {{0, 0, 10, 10}}, 0.5);
        assertArrayEquals(new int[] {0, -1}, m.predictionToTruth());
    }
}
