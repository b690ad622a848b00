package io.avreplay.scenario.scoring;

import static io.avreplay.scenario.scoring.Fixtures.det;
import static io.avreplay.scenario.scoring.Fixtures.frame;
import static io.avreplay.scenario.scoring.Fixtures.gt;
import static io.avreplay.scenario.scoring.Fixtures.ones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.scenario.scoring.FrameVerdicts.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameVerdictsTest {
    /**
     * Frame 0: 2 pedestrians, both found (one 0.6 m off laterally). Frame 1: 2 pedestrians, one found.
     * Frame 2: nothing at all. Frame 3: no truth, one false pedestrian. Frame 4: one pedestrian detected
     * as a car.
     */
    static List<MatchedFrame> frames() {
        return List.of(
                frame(0, List.of(gt("pedestrian", "a", 10, 0), gt("pedestrian", "b", 12, 3)),
                        List.of(det("pedestrian", 10, 0.6, 0.9), det("pedestrian", 12, 3, 0.8))),
                frame(1, List.of(gt("pedestrian", "a", 10, 0), gt("pedestrian", "b", 12, 3)),
                        List.of(det("pedestrian", 10, 0, 0.9))),
                frame(2, List.of(), List.of()),
                frame(3, List.of(), List.of(det("pedestrian", 5, 0, 0.5))),
                frame(4, List.of(gt("pedestrian", "a", 10, 0)), List.of(det("car", 10, 0, 0.9))));
    }

    static final ObjectFilter PED = ObjectFilter.of("pedestrian", DistanceBin.ALL);

    @Test
    void tpRateCountsEmptyFramesApart() {
        FrameVerdicts v = FrameVerdicts.of(frames(), PED, Criterion.TP_RATE, 0.9);
        // Frame 0: 2/2 >= 0.9 pass; frame 1: 1/2 fail; frame 2: empty; frame 3: no truth, not judged;
        // frame 4: 0/1 fail (the car detection is another class). Pass rate 1/3.
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.EMPTY, Verdict.NOT_JUDGED, Verdict.FAIL),
                java.util.stream.IntStream.range(0, 5).mapToObj(v::verdict).toList());
        assertEquals(1.0 / 3, v.passRate(ones(5)), 1e-12);
        // At level 0.5 frame 1 passes too: 2/3.
        assertEquals(2.0 / 3, FrameVerdicts.of(frames(), PED, Criterion.TP_RATE, 0.5).passRate(ones(5)), 1e-12);
    }

    @Test
    void precisionLabelAccuracyAndErrorBounds() {
        int[] w = ones(5);
        // Precision >= 0.9: frame 0 2/2 pass, 1 1/1 pass, 3 0/1 fail; 4 has no pedestrian detection (not
        // judged): 2/3.
        assertEquals(2.0 / 3, FrameVerdicts.of(frames(), PED, Criterion.PRECISION, 0.9).passRate(w), 1e-12);
        // Label accuracy: cross-class matches of counted truth: frame 0 2 right, frame 1 1 right of 1,
        // frame 4 the car detection is wrong (0/1): 2/3.
        assertEquals(2.0 / 3, FrameVerdicts.of(frames(), PED, Criterion.LABEL_ACCURACY, 0.95).passRate(w), 1e-12);
        // Position error <= 0.5 m: frame 0 max 0.6 fail; frame 1 0.0 pass; frames 3, 4 have no pair: 1/2.
        assertEquals(0.5, FrameVerdicts.of(frames(), PED, Criterion.POSITION_ERROR, 0.5).passRate(w), 1e-12);
        // Lenient position level (1.0 m): both judged frames pass.
        assertEquals(1.0, FrameVerdicts.of(frames(), PED, Criterion.POSITION_ERROR,
                Criterion.POSITION_ERROR.level("lenient")).passRate(w), 1e-12);
    }

    @Test
    void frameApAndNothingJudgedIsNaN() {
        // Frame AP: frame 0 AP 1 (all found at precision 1) pass at 0.7; frame 1 recall 0.5 at precision 1:
        // 40/90 < 0.7 fail; frame 4: 0 fail. 1/3.
        assertEquals(1.0 / 3, FrameVerdicts.of(frames(), PED, Criterion.FRAME_AP, 0.7).passRate(ones(5)), 1e-12);
        FrameVerdicts only = FrameVerdicts.of(frames().subList(2, 3), PED, Criterion.TP_RATE, 0.9);
        assertTrue(Double.isNaN(only.passRate(ones(1))), "an empty frame is never a pass");
        assertEquals(1, only.count(Verdict.EMPTY, ones(1)));
    }

    @Test
    void levelsArePresetsOrNumbers() {
        assertEquals(0.9, Criterion.TP_RATE.level("normal"));
        assertEquals(0.1, Criterion.YAW_ERROR.level("strict"));
        assertEquals(0.25, Criterion.YAW_ERROR.level("0.25"));
        assertThrows(IllegalArgumentException.class, () -> Criterion.TP_RATE.level("tight"));
    }
}
