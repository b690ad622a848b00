package io.avreplay.perception.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CocoHeldOutTest {
    private static final GroundTruth2d BIG = new GroundTruth2d(new Box2d(100, 100, 300, 200), "car", "1", 0f, 0);

    private static Map<String, Double> score(CocoHeldOut.Protocol p, List<GroundTruth2d> truth) {
        CocoHeldOut h = new CocoHeldOut(List.of("car"), p);
        h.add(truth, List.of(Detection2d.of("cam", new Box2d(100, 100, 300, 200), "car", 0.9)));
        return CocoHeldOut.flatten(h.result(), "x");
    }

    @Test
    void allCountsTinyBoxesWhileModerateIgnoresThem() {
        // a 10 px tall car nobody detected: ALL has recall 1/2, so precision 1 at the 51 recall points
        // 0.00..0.50 and 0 above: AP50 = 51/101. Moderate (height >= 25 px) ignores it: AP50 = 1.
        List<GroundTruth2d> truth = List.of(BIG, new GroundTruth2d(new Box2d(500, 100, 520, 110), "car", "2", 0f, 0));
        assertEquals(51 / 101.0, score(CocoHeldOut.Protocol.ALL, truth).get("x.ap50.car"), 1e-12);
        assertEquals(1.0, score(CocoHeldOut.Protocol.KITTI_MODERATE, truth).get("x.ap50.car"), 1e-12);
    }

    @Test
    void moderateIgnoresLargelyOccludedAndTruncatedBoxes() {
        List<GroundTruth2d> truth = List.of(BIG, new GroundTruth2d(new Box2d(500, 100, 700, 200), "car", "2", 0f, 2),
                new GroundTruth2d(new Box2d(0, 300, 80, 400), "car", "3", 0.5f, 0));
        assertEquals(34 / 101.0, score(CocoHeldOut.Protocol.ALL, truth).get("x.ap50.car"), 1e-12);
        assertEquals(1.0, score(CocoHeldOut.Protocol.KITTI_MODERATE, truth).get("x.ap50.car"), 1e-12);
    }

    @Test
    void aDetectionOnAnIgnoredBoxIsNotAFalsePositive() {
        List<GroundTruth2d> truth = List.of(BIG, new GroundTruth2d(new Box2d(500, 100, 520, 110), "car", "2", 0f, 0));
        CocoHeldOut h = new CocoHeldOut(List.of("car"), CocoHeldOut.Protocol.KITTI_MODERATE);
        // the higher-scored detection sits on the ignored tiny car: were it a false positive, AP50 would be
        // below 1 (precision 1/2 at the first true positive)
        h.add(truth, List.of(Detection2d.of("cam", new Box2d(500, 100, 520, 110), "car", 0.95),
                Detection2d.of("cam", new Box2d(100, 100, 300, 200), "car", 0.9)));
        assertEquals(1.0, CocoHeldOut.flatten(h.result(), "x").get("x.ap50.car"), 1e-12);
    }
}
