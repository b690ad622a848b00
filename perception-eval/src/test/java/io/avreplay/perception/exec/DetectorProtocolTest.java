package io.avreplay.perception.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.api.FrameSet;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.SensorCalibration;
import java.util.Optional;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class DetectorProtocolTest extends ArrowTest {
    private static final SensorCalibration LIDAR = SensorCalibration.lidar("lidar_top",
            new Pose(Quaternion.IDENTITY, new Vec3(1.0, 0, 1.8)));

    private double[] egoColumns(FrameSet set) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(DetectorProtocol.requestSchema(), allocator)) {
            DetectorProtocol.encode(7, set, root);
            double[] out = new double[DetectorProtocol.EGO_POSE.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Float8Vector) root.getVector(DetectorProtocol.EGO_POSE.get(i))).get(0);
            }
            return out;
        }
    }

    @Test
    void requestsCarryTheEgoPoseOfTheFrameSet() {
        long t = TestLogs.T0;
        FrameSet set = FrameSet.of(TestLogs.sweep("lidar_top", t, 0, 10), LIDAR).withEgoPose(Optional.of(
                new EgoPose(t, new Pose(Quaternion.fromYaw(Math.PI / 2), new Vec3(100, -20, 3)), new Vec3(0, 0, 0))));
        double[] ego = egoColumns(set);
        // translation as given; yaw pi/2 about z is the quaternion (cos pi/4, 0, 0, sin pi/4)
        assertEquals(100, ego[0]);
        assertEquals(-20, ego[1]);
        assertEquals(3, ego[2]);
        assertEquals(Math.cos(Math.PI / 4), ego[3], 1e-12);
        assertEquals(0, ego[4], 1e-12);
        assertEquals(0, ego[5], 1e-12);
        assertEquals(Math.sin(Math.PI / 4), ego[6], 1e-12);
    }

    @Test
    void withoutAPoseTheEgoColumnsAreNaN() {
        double[] ego = egoColumns(FrameSet.of(TestLogs.sweep("lidar_top", TestLogs.T0, 0, 10), LIDAR));
        for (double v : ego) {
            assertTrue(Double.isNaN(v), "ego column " + v);
        }
    }
}
