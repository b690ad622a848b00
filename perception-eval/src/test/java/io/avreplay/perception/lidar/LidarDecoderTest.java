package io.avreplay.perception.lidar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import org.junit.jupiter.api.Test;

class LidarDecoderTest {
    private final BevGrid grid = new BevGrid(-10, 10, -10, 10, -2, 4, 0.5); // 40 x 40, stride 2 -> 20 x 20 at 1 m
    private final List<String> classes = List.of("car", "pedestrian");

    @Test
    void decodesPeaksWithMaxPoolAndCentreDistanceNms() {
        int plane = 400;
        float[] out = new float[(2 + LidarTargets.REGRESSION) * plane];
        java.util.Arrays.fill(out, 0, 2 * plane, -10f);
        out[5 * 20 + 5] = 2f;   // car peak, sigmoid 0.881
        out[5 * 20 + 6] = 1f;   // neighbour, not a peak (3x3 max-pool)
        out[5 * 20 + 7] = 0.5f; // not a peak either: its neighbour (5,6) is higher
        out[plane + 12 * 20 + 3] = 0f; // pedestrian peak, score 0.5
        out[plane + 12 * 20 + 4] = 0f; // equal neighbour: plateau gives one peak
        int reg = 2 * plane;
        int c = 5 * 20 + 5;
        out[reg + c] = 0.25f;         // row offset -> x = -10 + 5.25 = -4.75
        out[reg + plane + c] = 0.5f;  // col offset -> y = -10 + 5.5 = -4.5
        out[reg + 2 * plane + c] = 0.8f;
        out[reg + 3 * plane + c] = (float) Math.log(4.5);
        out[reg + 4 * plane + c] = (float) Math.log(1.9);
        out[reg + 5 * plane + c] = (float) Math.log(1.6);
        out[reg + 6 * plane + c] = 1f; // sin
        out[reg + 7 * plane + c] = 0f; // cos -> yaw pi/2
        List<Detection3d> d = new LidarDecoder(grid, classes, 2, 0.3, 0.5, 10).decode(out, 0);
        assertEquals(2, d.size());
        Detection3d car = d.get(0);
        assertEquals("car", car.category());
        assertEquals(1 / (1 + Math.exp(-2)), car.score(), 1e-6);
        assertEquals(-4.75, car.box().centre().x(), 1e-6);
        assertEquals(-4.5, car.box().centre().y(), 1e-6);
        assertEquals(0.8, car.box().centre().z(), 1e-6);
        assertEquals(4.5, car.box().length(), 1e-5);
        assertEquals(Math.PI / 2, car.box().yaw(), 1e-6);
        assertEquals("pedestrian", d.get(1).category());
        assertEquals(Double.NaN, car.vx());
    }

    @Test
    void encodedTargetsDecodeBackToTheBoxes() {
        LidarTargets t = new LidarTargets(grid, classes, 2);
        float[] target = new float[t.size()];
        List<GroundTruth3d> gt = List.of(
                new GroundTruth3d(Box3d.ego(new Vec3(3.3, -2.7, 0.9), 4.4, 1.8, 1.5, 0.3), "car", "a", 50, 0, 0,
                        List.of(), 1f),
                new GroundTruth3d(Box3d.ego(new Vec3(-6.1, 4.2, 0.9), 0.6, 0.7, 1.8, -1), "pedestrian", "b", 9, 0, 0,
                        List.of(), 1f),
                new GroundTruth3d(Box3d.ego(new Vec3(1, 1, 1), 4, 2, 1.5, 0), "car", "c", 0, 0, 0, List.of(), 1f),
                        // no points
                new GroundTruth3d(Box3d.ego(new Vec3(2, 2, 1), 1, 1, 1, 0), "animal", "d", 9, 0, 0, List.of(), 1f));
        assertEquals(2, t.encode(gt, 0, false, target, 0));
        // heatmap targets in [0, 1] -> logits; exactly 1 at centres becomes a large logit
        for (int i = 0; i < 2 * 400; i++) {
            float p = Math.min(target[i], 0.999f);
            target[i] = (float) Math.log(p / (1 - p) + 1e-9);
        }
        List<Detection3d> d = new LidarDecoder(grid, classes, 2, 0.5, 0.5, 10).decode(target, 0);
        assertEquals(2, d.size());
        for (Detection3d det : d) {
            Box3d want = gt.get(det.category().equals("car") ? 0 : 1).box();
            assertEquals(want.centre().x(), det.box().centre().x(), 1e-5);
            assertEquals(want.centre().y(), det.box().centre().y(), 1e-5);
            assertEquals(want.width(), det.box().width(), 1e-5);
            assertEquals(want.yaw(), det.box().yaw(), 1e-5);
        }
    }
}
