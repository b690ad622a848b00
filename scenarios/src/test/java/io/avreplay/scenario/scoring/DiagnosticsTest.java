package io.avreplay.scenario.scoring;

import static io.avreplay.scenario.scoring.Fixtures.det;
import static io.avreplay.scenario.scoring.Fixtures.frame;
import static io.avreplay.scenario.scoring.Fixtures.gt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    @Test
    void confusionMatrixFromTheCrossClassMatch() {
        // Frame: car found as car, pedestrian found as car, pedestrian missed, one false pedestrian far away.
        List<MatchedFrame> f = List.of(frame(0, List.of(gt("car", "c", 10, 0), gt("pedestrian", "p", 20, 0),
                gt("pedestrian", "q", 30, 5)), List.of(det("car", 10, 0, 0.9), det("car", 20, 0, 0.8),
                det("pedestrian", 50, 0, 0.4))));
        ConfusionMatrix m = ConfusionMatrix.of(f, List.of("car", "pedestrian"));
        // Rows car, pedestrian, none; columns car, pedestrian, none.
        assertArrayEquals(new long[] {1, 0, 0}, m.counts()[0]);
        assertArrayEquals(new long[] {1, 0, 1}, m.counts()[1]);
        assertArrayEquals(new long[] {0, 1, 0}, m.counts()[2]);
    }

    @Test
    void maxF1PicksTheBestThreshold() {
        // Cars: 3 truths; detections by score: 0.9 TP, 0.8 TP, 0.6 FP, 0.5 FP, 0.4 TP.
        // Thresholds: 0.9: 2*1/(1+3) = 0.5; 0.8: 4/(2+3) = 0.8; 0.6: 4/6; 0.5: 4/7; 0.4: 6/(5+3) = 0.75.
        // Best 0.8 at threshold 0.8: precision 1, recall 2/3.
        List<MatchedFrame> f = List.of(frame(0, List.of(gt("car", "a", 10, 0), gt("car", "b", 20, 0),
                gt("car", "c", 30, 0)), List.of(det("car", 10, 0, 0.9), det("car", 20, 0, 0.8), det("car", 40, 0, 0.6),
                det("car", 45, 0, 0.5), det("car", 30, 0, 0.4))));
        MaxF1 m = MaxF1.of(f, "car");
        assertEquals(0.8, m.threshold());
        assertEquals(0.8, m.f1(), 1e-12);
        assertEquals(1.0, m.precision(), 1e-12);
        assertEquals(2.0 / 3, m.recall(), 1e-12);
    }

    @Test
    void timeAssociationTakesTheNearestStampWithinTolerance() {
        // Truth at 0, 100, 200 ms; outputs at 8, 95, 104, 160 and 400 ms; tolerance 50 ms (half of 10 Hz).
        // 8 -> 0; 95 and 104 both want 100: 104 is nearer (4 vs 5 ms), 95 left over; 160 -> 200 (40 ms);
        // 400 is beyond the span + tolerance and not counted. No truth stamp without output.
        long ms = 1_000_000L;
        Map<Long, List<String>> out = Map.of(8 * ms, List.of("a"), 95 * ms, List.of("b"), 104 * ms, List.of("c"),
                160 * ms, List.of("d"), 400 * ms, List.of("e"));
        TimeAssociation.Result<String> r = TimeAssociation.associate(new long[] {0, 100 * ms, 200 * ms}, out, 50 * ms);
        assertEquals(List.of(List.of("a"), List.of("c"), List.of("d")), r.outputs());
        assertEquals(1, r.outputsWithoutTruth());
        assertEquals(0, r.truthWithoutOutput());
        // Tolerance 30 ms: 160 is 40 ms from 200 and counts as without truth; 200 gets nothing.
        TimeAssociation.Result<String> tight = TimeAssociation.associate(new long[] {0, 100 * ms, 200 * ms}, out,
                30 * ms);
        assertEquals(2, tight.outputsWithoutTruth());
        assertEquals(1, tight.truthWithoutOutput());
    }
}
