package io.avreplay.perception.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.avreplay.replay.arrow.ArrowTest;
import org.junit.jupiter.api.Test;

/**
 * Ego-frame detections must be moved into the world frame exactly as the ground truth is: detections equal
 * to the ground truth score AP 1 at every threshold, and detections shifted 3 m along ego x match only at
 * the 4 m threshold.
 */
class NuScenesHeldOutTest extends ArrowTest {
    @Test
    void groundTruthAsDetectionsScoresOneAndShiftedDetectionsOnlyAtFourMetres() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small().withSweeps(6));
        try (LogReader r = LogReader.open(log, allocator)) {
            NuScenesResult exact = score(r, 0);
            for (double th : List.of(0.5, 1.0, 2.0, 4.0)) {
                assertEquals(1.0, exact.labelAps().get("car").get(th), 1e-9, "car @" + th);
            }
            NuScenesResult shifted = score(r, 3);
            assertEquals(0.0, shifted.labelAps().get("car").get(2.0), 1e-9);
            assertEquals(1.0, shifted.labelAps().get("car").get(4.0), 1e-9);
        }
    }

    private static NuScenesResult score(LogReader r, double shiftXM) {
        var ann = r.annotations3d().orElseThrow();
        Map<Long, List<Detection3d>> found = new HashMap<>();
        for (int i = 0; i < ann.size(); i++) {
            List<Detection3d> dets = new ArrayList<>();
            for (GroundTruth3d a : ann.read(i).boxes()) {
                Box3d b = a.box();
                dets.add(Detection3d.of(Box3d.ego(new Vec3(b.centre().x() + shiftXM, b.centre().y(),
                        b.centre().z()), b.length(), b.width(), b.height(), b.yaw()), a.category(), 0.9, Double.NaN,
                                Double.NaN));
            }
            found.put(ann.timestampNs(i), dets);
        }
        NuScenesHeldOut scorer = new NuScenesHeldOut();
        scorer.add(r, found);
        return scorer.result();
    }
}
