package io.avreplay.perception.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerTest {
    private static final long STEP_NS = 100_000_000L;

    private static Detection3d det(String category, double x, double y, double score) {
        return Detection3d.of(Box3d.ego(new Vec3(x, y, 0.8), 4.5, 1.9, 1.6, 0), category, score, Double.NaN,
                Double.NaN);
    }

    private static TrackerFrame frame(int k, Detection3d... dets) {
        return new TrackerFrame(k * STEP_NS, Pose.IDENTITY, List.of(dets));
    }

    private static List<String> ids(List<Detection3d> tracked) {
        return tracked.stream().map(Detection3d::trackId).toList();
    }

    @Test
    void straightMotionKeepsOneTrackAndEstimatesVelocity() {
        // A car at x = 0, 1, 2 m at t = 0, 0.1, 0.2 s. First detection: a new track, velocity unknown.
        // Second: (1 - 0) / 0.1 = 10 m/s. Third: least-squares slope of 0, 1, 2 m over 0, 0.1, 0.2 s = 10 m/s.
        List<List<Detection3d>> out = Tracker.track(List.of(frame(0, det("car", 0, 0, 0.9)),
                frame(1, det("car", 1, 0, 0.8)), frame(2, det("car", 2, 0, 0.7))), TrackerParams.defaults());
        assertEquals(List.of("1"), ids(out.get(0)));
        assertEquals(List.of("1"), ids(out.get(1)));
        assertEquals(List.of("1"), ids(out.get(2)));
        assertTrue(Double.isNaN(out.get(0).get(0).vx()));
        assertEquals(10.0, out.get(1).get(0).vx(), 1e-9);
        assertEquals(10.0, out.get(2).get(0).vx(), 1e-9);
        assertEquals(0.0, out.get(2).get(0).vy(), 1e-9);
        // Track score = detection score of the frame.
        assertEquals(0.7, out.get(2).get(0).trackScore(), 0);
        assertEquals(0.7, out.get(2).get(0).score(), 0);
    }

    @Test
    void velocityIsTheWorldVelocityInEgoAxes() {
        // Ego yawed +90° (ego x = world y), driving along world y at 10 m/s; the car stays at (5, 0) in the
        // ego frame, so in the world it is at (0, 5 + 10 t): world velocity (0, 10). Rotated into the ego
        // axes (by -90°): (10, 0). Ego motion must not cancel it (absolute, not relative velocity).
        Quaternion yaw90 = Quaternion.fromYaw(Math.PI / 2);
        List<TrackerFrame> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            frames.add(new TrackerFrame(k * STEP_NS, new Pose(yaw90, new Vec3(0, k * 1.0, 0)),
                    List.of(det("car", 5, 0, 0.9))));
        }
        Detection3d last = Tracker.track(frames, TrackerParams.defaults()).get(2).get(0);
        assertEquals("1", last.trackId());
        assertEquals(10.0, last.vx(), 1e-9);
        assertEquals(0.0, last.vy(), 1e-9);
        // The box stays in the ego frame, unchanged.
        assertEquals(5.0, last.box().x(), 0);
    }

    @Test
    void crossingObjectsKeepTheirIdsThroughConstantVelocityPrediction() {
        // A drives +x along y = 0 at 20 m/s, B drives -x along y = 0.5 at 20 m/s; they pass each other.
        // k=0: A(-3, 0) -> id 1, B(3, 0.5) -> id 2 (birth in detection order).
        // k=1: A(-1, 0), B(1, 0.5). Single-observation tracks predict their last centre: A-a = 2,
        //      A-b = sqrt(16 + 0.25) = 4.03 > 4 m (car), B-b = 2: A-a, B-b. Velocities (+-20, 0).
        // k=2: A(1, 0), B(-1, 0.5), listed b first. Predictions A(1, 0), B(-1, 0.5): both at distance 0.
        //      Without prediction A's last centre (-1, 0) is 0.5 m from b but 2 m from a: A would take b.
        List<List<Detection3d>> out = Tracker.track(List.of(
                frame(0, det("car", -3, 0, 0.9), det("car", 3, 0.5, 0.9)),
                frame(1, det("car", -1, 0, 0.9), det("car", 1, 0.5, 0.9)),
                frame(2, det("car", -1, 0.5, 0.9), det("car", 1, 0, 0.9))), TrackerParams.defaults());
        assertEquals(List.of("1", "2"), ids(out.get(0)));
        assertEquals(List.of("1", "2"), ids(out.get(1)));
        assertEquals(List.of("2", "1"), ids(out.get(2)));
        // Velocity at k=2 over the whole 0.2 s: B (-1 - 3) / 0.2 = -20, A (1 + 3) / 0.2 = 20.
        assertEquals(-20.0, out.get(2).get(0).vx(), 1e-9);
        assertEquals(20.0, out.get(2).get(1).vx(), 1e-9);
    }

    private static List<List<Detection3d>> gap(int missedFrames, int maxAge) {
        // A car moving +x at 1 m per 0.1 s frame, seen at k = 0 and 1, unseen for missedFrames frames, then
        // seen at k = 2 + missedFrames where constant velocity predicts it exactly.
        List<TrackerFrame> frames = new ArrayList<>();
        frames.add(frame(0, det("car", 0, 0, 0.9)));
        frames.add(frame(1, det("car", 1, 0, 0.9)));
        for (int k = 2; k < 2 + missedFrames; k++) {
            frames.add(frame(k));
        }
        int back = 2 + missedFrames;
        frames.add(frame(back, det("car", back, 0, 0.9)));
        return Tracker.track(frames, TrackerParams.defaults().withMaxAge(maxAge));
    }

    @Test
    void occlusionNoLongerThanMaxAgeKeepsTheTrack() {
        // maxAge 2, missed k = 2, 3 (2 misses): the track lives; at k = 4 it predicts 1 + 10 * 0.3 = 4 m.
        // Velocity then: the fit through (0 s, 0 m), (0.1, 1), (0.4, 4), all on x = 10 t: 10 m/s.
        List<List<Detection3d>> out = gap(2, 2);
        assertEquals(List.of(), ids(out.get(2)));
        assertEquals(List.of(), ids(out.get(3)));
        assertEquals(List.of("1"), ids(out.get(4)));
        assertEquals(10.0, out.get(4).get(0).vx(), 1e-9);
    }

    @Test
    void occlusionLongerThanMaxAgeEndsTheTrack() {
        // maxAge 2, missed k = 2, 3, 4 (3 misses > 2): track 1 ends at k = 4; k = 5 starts track 2 with
        // unknown velocity.
        List<List<Detection3d>> out = gap(3, 2);
        assertEquals(List.of("2"), ids(out.get(5)));
        assertTrue(Double.isNaN(out.get(5).get(0).vx()));
    }

    @Test
    void birthNeedsTheBirthScoreButContinuationDoesNot() {
        TrackerParams p = TrackerParams.defaults().withBirthScore(0.5);
        // k=0: 0.4 < 0.5, unmatched: dropped, no track. k=1: 0.6 starts track 1 (0.5 m from the first).
        // k=2: the car at 0.2 continues track 1 (matched; birth score does not apply), a pedestrian at 0.45
        // far away is unmatched and below the birth score: dropped. k=3: the same pedestrian at exactly 0.5
        // starts track 2 (at or above the birth score).
        List<List<Detection3d>> out = Tracker.track(List.of(
                frame(0, det("car", 0, 0, 0.4)),
                frame(1, det("car", 0.5, 0, 0.6)),
                frame(2, det("car", 1.0, 0, 0.2), det("pedestrian", 20, 20, 0.45)),
                frame(3, det("pedestrian", 20, 20, 0.5))), p);
        assertEquals(List.of(), ids(out.get(0)));
        assertEquals(List.of("1"), ids(out.get(1)));
        assertEquals(List.of("1"), ids(out.get(2)));
        assertEquals(0.2, out.get(2).get(0).trackScore(), 0);
        assertEquals(List.of("2"), ids(out.get(3)));
    }

    @Test
    void annotateKeepsDroppedDetectionsUntracked() {
        // Birth score 0.5: the 0.4 car is dropped by update but returned unchanged (no track) by annotate.
        Tracker t = new Tracker(TrackerParams.defaults().withBirthScore(0.5));
        Detection3d low = det("car", 0, 0, 0.4);
        List<Detection3d> all = t.annotate(frame(0, low, det("car", 20, 0, 0.6)));
        assertEquals(2, all.size());
        assertEquals(low, all.get(0));
        assertEquals(Detection3d.NO_TRACK, all.get(0).trackId());
        assertEquals("1", all.get(1).trackId());
    }

    @Test
    void categoriesAndPerClassDistancesGateTheMatch() {
        // Pedestrian threshold 1.5 m: a pedestrian moving 1.7 m in a frame (no velocity yet) starts a new track;
        // a car never continues a pedestrian track even at distance 0. A distance equal to the threshold
        // matches (inclusive): 1.5 m for the second pedestrian.
        List<List<Detection3d>> out = Tracker.track(List.of(
                frame(0, det("pedestrian", 0, 0, 0.9), det("pedestrian", 10, 0, 0.9)),
                frame(1, det("pedestrian", 1.7, 0, 0.9), det("car", 10, 0, 0.9), det("pedestrian", 11.5, 0, 0.9))),
                TrackerParams.defaults());
        assertEquals(List.of("1", "2"), ids(out.get(0)));
        assertEquals(List.of("3", "4", "2"), ids(out.get(1)));
    }

    @Test
    void velocityIsTheLeastSquaresSlopeOverTheWindow() {
        // Noisy centres x = 0, 1.1, 1.9, 3.0 m at t = 0, 0.1, 0.2, 0.3 s. Mean t 0.15, mean x 1.5;
        // sum dt*dx = 0.225 + 0.02 + 0.02 + 0.225 = 0.49, sum dt^2 = 0.05: 9.8 m/s (the end points alone: 10).
        // With a 0.2 s window only t >= 0.1 is kept: mean t 0.2, mean x 2.0, sum dt*dx = 0.09 + 0 + 0.1 = 0.19,
        // sum dt^2 = 0.02: 9.5 m/s.
        List<TrackerFrame> frames = List.of(frame(0, det("car", 0, 0, 0.9)), frame(1, det("car", 1.1, 0, 0.9)),
                frame(2, det("car", 1.9, 0, 0.9)), frame(3, det("car", 3.0, 0, 0.9)));
        assertEquals(9.8, Tracker.track(frames, TrackerParams.defaults()).get(3).get(0).vx(), 1e-9);
        TrackerParams shortWindow = new TrackerParams(Map.of(), 4.0, 0.3, 3, 200_000_000L);
        assertEquals(9.5, Tracker.track(frames, shortWindow).get(3).get(0).vx(), 1e-9);
    }

    @Test
    void greedyTakesTheClosestPairFirst() {
        // Tracks 1 at (0, 0) and 2 at (3, 0) (default distance 2 m for barrier). Next frame: barrier a at
        // (1, 0) is 1 m from track 1 and 2 m from track 2; barrier b at (0.1, 0) is 0.1 m from track 1 and
        // 2.9 m from track 2. Pairs by distance: (b, 1) 0.1, (a, 1) 1, (a, 2) 2. Closest first: b continues
        // track 1, then a continues track 2 (2 m, inclusive). Taking detections in order instead would give
        // a track 1 and leave b to start a third track.
        List<List<Detection3d>> out = Tracker.track(List.of(
                frame(0, det("barrier", 0, 0, 0.9), det("barrier", 3, 0, 0.9)),
                frame(1, det("barrier", 1, 0, 0.9), det("barrier", 0.1, 0, 0.9))), TrackerParams.defaults());
        assertEquals(List.of("2", "1"), ids(out.get(1)));
    }

    @Test
    void deterministicAndRejectsTimeGoingBack() {
        List<TrackerFrame> frames = List.of(frame(0, det("car", 0, 0, 0.9), det("car", 1, 0, 0.9)),
                frame(1, det("car", 0.5, 0, 0.9), det("car", 0.6, 0, 0.9)));
        assertEquals(Tracker.track(frames, TrackerParams.defaults()), Tracker.track(frames, TrackerParams.defaults()));
        Tracker t = new Tracker(TrackerParams.defaults());
        t.update(frame(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.update(frame(1)));
        assertTrue(e.getMessage().contains("increasing timestamps"), e.getMessage());
    }

    @Test
    void paramsAreValidatedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrackerParams(Map.of("car", -1.0), 2, 0.3, 3, 1));
        assertTrue(e.getMessage().contains("matchDistanceM[car]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrackerParams.defaults().withMaxAge(-1));
        assertTrue(e.getMessage().contains("maxAge"), e.getMessage());
        assertEquals(1.5, TrackerParams.defaults().matchDistanceM("pedestrian"), 0);
        assertEquals(2.0, TrackerParams.defaults().matchDistanceM("traffic_cone"), 0);
    }
}
