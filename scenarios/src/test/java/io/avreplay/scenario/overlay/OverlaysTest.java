package io.avreplay.scenario.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlaysTest {
    private static GroundTruth3d truth(String track, String category, double x, double y, int points) {
        return new GroundTruth3d(Box3d.ego(new Vec3(x, y, 0), 4, 2, 1.5, 0), category, track, points, 0, 0, List.of(),
                1f);
    }

    private static Detection3d det(String category, double x, double y, double score) {
        return Detection3d.of(Box3d.ego(new Vec3(x, y, 0), 4, 2, 1.5, 0), category, score, Double.NaN, Double.NaN);
    }

    @Test
    void marks3dColourTruthAndDetectionsByTheNuScenesRule() {
        // truth: car "1" at (10,0) seen; pedestrian "2" at (20,5) seen; car "3" at (30,0) with no lidar point
        // (not scored); pothole "4" (no nuScenes class: not scored).
        // detections: car at (11,0) 1 m away -> TP of "1"; pedestrian at (20,8) 3 m away -> FP, "2" missed;
        // car at (30,0) -> FP (its only neighbour "3" is not scored).
        List<GroundTruth3d> truth = List.of(truth("1", "car", 10, 0, 50), truth("2", "pedestrian", 20, 5, 9),
                truth("3", "car", 30, 0, 0), truth("4", "pothole", 5, 0, 20));
        List<Mark3d> marks = Overlays.marks3d(truth, List.of(det("car", 11, 0, 0.9), det("pedestrian", 20, 8, 0.8),
                det("car", 30, 0, 0.7)), true);
        assertEquals(List.of(MatchStatus.MATCHED_TRUTH, MatchStatus.MISSED, MatchStatus.NOT_SCORED, MatchStatus.NOT_SCORED,
                MatchStatus.TRUE_POSITIVE, MatchStatus.FALSE_POSITIVE, MatchStatus.FALSE_POSITIVE),
                marks.stream().map(Mark3d::status).toList());
        assertEquals("car 0.90", marks.get(4).label());
        assertEquals("pedestrian #2", marks.get(1).label());
        Map<MatchStatus, Integer> c = Overlays.counts(marks.stream().map(Mark3d::status).toList());
        assertEquals(1, c.get(MatchStatus.TRUE_POSITIVE));
        assertEquals(2, c.get(MatchStatus.FALSE_POSITIVE));
        assertEquals(1, c.get(MatchStatus.MISSED));
        assertEquals(0, c.get(MatchStatus.TRUTH));
    }

    @Test
    void withoutARunScoredTruthIsPlainTruth() {
        List<Mark3d> marks = Overlays.marks3d(List.of(truth("1", "car", 10, 0, 50), truth("3", "car", 30, 0, 0)),
                List.of(), false);
        assertEquals(List.of(MatchStatus.TRUTH, MatchStatus.NOT_SCORED), marks.stream().map(Mark3d::status).toList());
    }

    @Test
    void marks2dUseIouHalfAndSkipDontCare() {
        // truth A car [0,0,100,100]; don't-care region (track "") [200,0,300,100].
        // detection car [0,0,100,50]: IoU 5000/10000 = 0.5 -> TP; detection car [200,0,300,100] over the
        // don't-care region -> FP (don't-care is not scored here).
        List<GroundTruth2d> truth = List.of(new GroundTruth2d(new Box2d(0, 0, 100, 100), "car", "7", 0, 0),
                new GroundTruth2d(new Box2d(200, 0, 300, 100), "dontcare", "", 0, 0));
        List<Mark2d> marks = Overlays.marks2d(truth, List.of(
                Detection2d.of("cam", new Box2d(0, 0, 100, 50), "car", 0.6),
                Detection2d.of("cam", new Box2d(200, 0, 300, 100), "car", 0.5)), true);
        assertEquals(List.of(MatchStatus.MATCHED_TRUTH, MatchStatus.NOT_SCORED, MatchStatus.TRUE_POSITIVE,
                MatchStatus.FALSE_POSITIVE), marks.stream().map(Mark2d::status).toList());
    }

    @Test
    void labelsShortenTrackIdsThatRepeatTheClass() {
        assertEquals("pedestrian #0043", Labels.of("pedestrian", Double.NaN, "pedestrian-0043"));
        assertEquals("car #truck-1", Labels.of("car", Double.NaN, "truck-1"));
        assertEquals("car 0.50", Labels.of("car", 0.5, ""));
    }
}
