package io.avreplay.scenario.synth.lidar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.log.LidarSweep;
import io.avreplay.scenario.synth.world.Material;
import io.avreplay.scenario.synth.world.RoadLayout;
import io.avreplay.scenario.synth.world.Scene;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class LidarCasterTest {
    static final RoadLayout ROAD = new RoadLayout(2, 3.5, 0, 4, false, 0, List.of(), List.of());
    static final double SX = 0;
    static final double SY = -1.75;
    static final double SZ = 1.85;

    /** Distance from a point to the surface of a yawed box (0 on the surface). */
    static double surfaceDistance(double x, double y, double z, double cx, double cy, double z0, double z1, double l,
            double w, double yaw) {
        double dx = x - cx;
        double dy = y - cy;
        double lx = Math.cos(yaw) * dx + Math.sin(yaw) * dy;
        double ly = -Math.sin(yaw) * dx + Math.cos(yaw) * dy;
        double ex = Math.abs(lx) - l / 2;
        double ey = Math.abs(ly) - w / 2;
        double ez = Math.abs(z - (z0 + z1) / 2) - (z1 - z0) / 2;
        double outside = Math.sqrt(Math.pow(Math.max(ex, 0), 2) + Math.pow(Math.max(ey, 0), 2) + Math.pow(Math.max(ez, 0), 2));
        return outside > 0 ? outside : -Math.max(ex, Math.max(ey, ez));
    }

    @Test
    void raysHittingABoxLandOnItsSurface() {
        double yaw = 0.4;
        SolidBox box = new SolidBox(15, 1, 0.3, 1.6, 4.5, 1.9, yaw, 1, Material.BODY, 0xff0000);
        Scene scene = new Scene(ROAD, List.of(box));
        for (LidarNoise noise : List.of(LidarNoise.NONE, new LidarNoise(0, 0, 0.02))) {
            LidarSweep sw = LidarCaster.cast(scene, LidarSpec.standard32("l", 10), noise, SX, SY, SZ, 0, 0, 5, 0);
            int onBox = 0;
            for (int i = 0; i < sw.size(); i++) {
                double x = sw.x()[i] + SX;
                double y = sw.y()[i] + SY;
                double z = sw.z()[i] + SZ;
                double tol = noise.rangeNoiseM() == 0 ? 1e-4 : 5 * noise.rangeNoiseM();
                if (Math.hypot(x - 15, y - 1) < 3.5 && z > tol) {
                    onBox++;
                    double d = surfaceDistance(x, y, z, 15, 1, 0.3, 1.6, 4.5, 1.9, yaw);
                    assertTrue(Math.abs(d) <= tol, "point " + i + " is " + d + " m from the surface");
                } else {
                    assertTrue(z >= -tol && z <= RoadLayout.KERB_HEIGHT_M + tol, "ground point " + i + " at z=" + z);
                }
            }
            assertTrue(onBox > 200, "box returns: " + onBox);
        }
    }

    @Test
    void offsetsSpanTheSweepAndOutputIsRepeatable() {
        Scene scene = new Scene(ROAD, List.of());
        LidarSpec spec = LidarSpec.standard32("l", 10);
        LidarSweep a = LidarCaster.cast(scene, spec, new LidarNoise(0.1, 0.01, 0.03), SX, SY, SZ, 0.2, 7, 11, 3);
        LidarSweep b = LidarCaster.cast(scene, spec, new LidarNoise(0.1, 0.01, 0.03), SX, SY, SZ, 0.2, 7, 11, 3);
        assertTrue(java.util.Arrays.equals(a.x(), b.x()) && java.util.Arrays.equals(a.intensity(), b.intensity()));
        int last = a.offsetNs()[a.size() - 1];
        assertEquals(0, a.offsetNs()[0]);
        assertTrue(last > 99_000_000 && last < 100_000_000, "last offset " + last);
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.offsetNs()[i] >= a.offsetNs()[i - 1]);
        }
    }
}
