package io.avreplay.perception.lidar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training target must describe the same scene as the network input: points given in the lidar
 * <em>sensor</em> frame (mounted 1.85 m up and 1.2 m forward, as the synthesizer's roof lidar is at a height)
 * and ground truth in the <em>ego</em> frame, both under the same augmentation, must land in the same
 * grid cells, and decoding the target itself must give the ground truth back (class, centre within
 * float error, size, yaw). Guards the diagnosis of issue 6.
 */
class LidarTargetsRoundTripTest {
    private static final List<String> CLASSES = List.of("car", "truck", "bus", "pedestrian", "bicycle", "motorcycle",
            "traffic_cone", "barrier");
    private static final Pose SENSOR_TO_EGO = new Pose(Quaternion.IDENTITY, new Vec3(1.2, 0, 1.85));
    private final BevGrid grid = new BevGrid(-51.2, 51.2, -51.2, 51.2, -2, 4, 0.64); // 160 x 160 -> 80 x 80
    private final List<GroundTruth3d> gt = List.of(
            box("car", 12.3, -4.1, 0.8, 4.6, 1.9, 1.6, 0.4),
            box("pedestrian", -7.7, 9.2, 0.9, 0.7, 0.7, 1.8, -1.2),
            box("truck", 30.5, 18.0, 1.5, 8.0, 2.5, 3.0, 2.9),
            box("traffic_cone", 4.4, 6.6, 0.4, 0.5, 0.5, 0.8, 0),
            box("bicycle", -45.0, -20.0, 0.55, 1.9, 0.6, 1.1, 1.2));

    @Test
    void targetsDecodeBackToTheGroundTruthWithoutAugmentation() {
        roundTrip(0, false);
    }

    @Test
    void targetsDecodeBackToTheAugmentedGroundTruth() {
        roundTrip(0.3, true);
        roundTrip(-0.39, false);
    }

    private void roundTrip(double yaw, boolean mirror) {
        int stride = 2;
        LidarTargets targets = new LidarTargets(grid, CLASSES, stride);
        float[] target = new float[targets.size()];
        assertEquals(gt.size(), targets.encode(gt, yaw, mirror, target, 0));

        float[][] sweep = sensorFramePoints();
        BevFeaturizer f = new BevFeaturizer(grid);
        float[] input = new float[f.size()];
        f.featurize(sweep[0], sweep[1], sweep[2], sweep[3], SENSOR_TO_EGO, yaw, mirror, input, 0);

        int outCols = grid.cols() / stride;
        int plane = (grid.rows() / stride) * outCols;
        int inPlane = grid.rows() * grid.cols();
        for (int k = 0; k < CLASSES.size(); k++) {
            for (int i = 0; i < plane; i++) {
                if (target[k * plane + i] == 1f) {
                    // the centre's output cell covers stride x stride input cells: the object's points are there
                    int r = i / outCols * stride;
                    int c = i % outCols * stride;
                    float density = 0;
                    for (int dr = 0; dr < stride; dr++) {
                        for (int dc = 0; dc < stride; dc++) {
                            density += input[2 * inPlane + (r + dr) * grid.cols() + c + dc];
                        }
                    }
                    assertTrue(density > 0, "no points under the " + CLASSES.get(k) + " centre cell " + i);
                }
                float p = Math.min(target[k * plane + i], 0.999f);
                target[k * plane + i] = (float) Math.log(p / (1 - p) + 1e-9);
            }
        }
        List<Detection3d> found = new LidarDecoder(grid, CLASSES, stride, 0.5, 0.5, 100).decode(target, 0);
        assertEquals(gt.size(), found.size());
        for (GroundTruth3d a : gt) {
            Box3d want = augmented(a.box(), yaw, mirror);
            Detection3d d = found.stream().filter(x -> x.category().equals(a.category())).findFirst().orElseThrow();
            assertEquals(want.centre().x(), d.box().centre().x(), 1e-4, a.category() + " x");
            assertEquals(want.centre().y(), d.box().centre().y(), 1e-4, a.category() + " y");
            assertEquals(want.centre().z(), d.box().centre().z(), 1e-4, a.category() + " z");
            assertEquals(want.length(), d.box().length(), 1e-4, a.category() + " length");
            assertEquals(want.width(), d.box().width(), 1e-4, a.category() + " width");
            assertEquals(want.height(), d.box().height(), 1e-4, a.category() + " height");
            assertEquals(0, Math.sin(want.yaw() - d.box().yaw()), 1e-4, a.category() + " yaw");
            assertEquals(1, Math.cos(want.yaw() - d.box().yaw()), 1e-4, a.category() + " yaw");
        }
    }

    /** Points filling each box on a 0.2 m lattice, moved from the ego frame into the sensor frame. */
    private float[][] sensorFramePoints() {
        List<float[]> pts = new ArrayList<>();
        Vec3 t = SENSOR_TO_EGO.translation();
        for (GroundTruth3d a : gt) {
            Box3d b = a.box();
            for (double u = -b.length() / 2; u <= b.length() / 2; u += 0.2) {
                for (double v = -b.width() / 2; v <= b.width() / 2; v += 0.2) {
                    for (double w = -b.height() / 2; w <= b.height() / 2; w += 0.2) {
                        double ex = b.centre().x() + Math.cos(b.yaw()) * u - Math.sin(b.yaw()) * v;
                        double ey = b.centre().y() + Math.sin(b.yaw()) * u + Math.cos(b.yaw()) * v;
                        pts.add(new float[] {(float) (ex - t.x()), (float) (ey - t.y()),
                            (float) (b.centre().z() + w - t.z()), 0.5f});
                    }
                }
            }
        }
        float[][] out = new float[4][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            for (int j = 0; j < 4; j++) {
                out[j][i] = pts.get(i)[j];
            }
        }
        return out;
    }

    private static Box3d augmented(Box3d b, double yaw, boolean mirror) {
        double x = Math.cos(yaw) * b.centre().x() - Math.sin(yaw) * b.centre().y();
        double y = Math.sin(yaw) * b.centre().x() + Math.cos(yaw) * b.centre().y();
        double h = b.yaw() + yaw;
        return mirror ? Box3d.ego(new Vec3(x, -y, b.centre().z()), b.length(), b.width(), b.height(), -h)
                : Box3d.ego(new Vec3(x, y, b.centre().z()), b.length(), b.width(), b.height(), h);
    }

    private static GroundTruth3d box(String cls, double x, double y, double z, double l, double w, double h,
            double yaw) {
        return new GroundTruth3d(Box3d.ego(new Vec3(x, y, z), l, w, h, yaw), cls, cls, 100, 0, 0, List.of(), 1f);
    }
}
