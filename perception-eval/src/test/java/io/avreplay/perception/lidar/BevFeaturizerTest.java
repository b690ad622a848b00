package io.avreplay.perception.lidar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import org.junit.jupiter.api.Test;

class BevFeaturizerTest {
    // 4 m x 4 m grid at 1 m cells, z in [0, 4]: 4 rows (x) x 4 cols (y)
    private final BevGrid grid = new BevGrid(-2, 2, -2, 2, 0, 4, 1);

    @Test
    void aggregatesHeightDensityAndIntensityPerCell() {
        // sensor 1 m above ego origin: sensor z 0 and 2 are ego z 1 and 3; both land in cell x [0,1) y [-1,0)
        // = row 2, col 1. The third point (ego z 5) is above the z range and dropped; the fourth is outside x.
        float[] x = {0.5f, 0.5f, 0.5f, 9f};
        float[] y = {-0.5f, -0.5f, -0.5f, 0f};
        float[] z = {0f, 2f, 4f, 0f};
        float[] in = {0.2f, 0.6f, 1f, 1f};
        float[] out = new float[4 * 16];
        new BevFeaturizer(grid).featurize(x, y, z, in, new Pose(Quaternion.IDENTITY, new Vec3(0, 0, 1)), 0, false,
                out, 0);
        int cell = 2 * 4 + 1;
        assertEquals(3 / 4f, out[cell], 1e-6); // max height 3 m / range 4 m
        assertEquals(2 / 4f, out[16 + cell], 1e-6); // mean height (1 + 3) / 2 = 2 m
        assertEquals(Math.log(3) / Math.log(65), out[32 + cell], 1e-6); // log(1 + 2) / log(1 + 64)
        assertEquals(0.4f, out[48 + cell], 1e-6); // mean intensity (0.2 + 0.6) / 2
        float sum = 0;
        for (float v : out) {
            sum += v;
        }
        assertEquals(out[cell] + out[16 + cell] + out[32 + cell] + out[48 + cell], sum, 1e-6); // all else empty
    }

    @Test
    void appliesSensorRotationYawAugmentationAndMirror() {
        // sensor yawed +90 deg: sensor +x is ego +y. Point (1.5, -0.4) in sensor -> ego (0.4, 1.5) -> row 2, col 3.
        float[] x = {1.5f};
        float[] y = {-0.4f};
        float[] out = new float[64];
        BevFeaturizer f = new BevFeaturizer(grid);
        Pose yawed = new Pose(Quaternion.fromYaw(Math.PI / 2), Vec3.ZERO);
        f.featurize(x, y, new float[] {1f}, new float[1], yawed, 0, false, out, 0);
        assertEquals(0.25f, out[2 * 4 + 3], 1e-6);
        // mirrored: ego y -1.5 -> col 0
        f.featurize(x, y, new float[] {1f}, new float[1], yawed, 0, true, out, 0);
        assertEquals(0.25f, out[2 * 4], 1e-6);
        // extra ego yaw -90 deg brings the point back to ego (1.5, -0.4) -> row 3, col 1
        f.featurize(x, y, new float[] {1f}, new float[1], yawed, -Math.PI / 2, false, out, 0);
        assertEquals(0.25f, out[3 * 4 + 1], 1e-6);
    }
}
