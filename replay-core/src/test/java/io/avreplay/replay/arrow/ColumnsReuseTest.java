package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColumnsReuseTest extends ArrowTest {
    /**
     * The vectors' buffers are kept from batch to batch when large enough (Columns.prepare): sweeps of 4, 2 and 5
     * points (sweep k, point i: x = 10k + i, y = -x, z = 0.5, intensity k, ring i, offset 100i ns) read back exactly,
     * the 2-point one without the 4-point one's tail, the 5-point one after the buffers had to grow.
     */
    @ParameterizedTest
    @EnumSource(Compression.class)
    void sweepsThatShrinkAndGrowReadBackExactly(Compression compression) {
        Path dir = tmp.resolve("log");
        int[] sizes = {4, 2, 5};
        try (LogWriter w = LogWriter.create(dir, new LogMetadata("reuse", "car", "city", Map.of()), allocator,
                WriteOptions.defaults().withCompression(compression))) {
            w.addCalibration(SensorCalibration.lidar("top", new Pose(Quaternion.IDENTITY, new Vec3(0, 0, 1))));
            for (int k = 0; k < sizes.length; k++) {
                w.writeLidarSweep(sweep(k, sizes[k]));
            }
            w.commit();
        }
        try (LogReader r = LogReader.open(dir, allocator)) {
            var lidar = r.lidar("top");
            assertEquals(3, lidar.size());
            for (int k = 0; k < sizes.length; k++) {
                LidarSweep want = sweep(k, sizes[k]);
                LidarSweep got = lidar.read(k);
                TestLogs.assertSamePoints(want, got);
            }
            assertTrue(r.verifyChecksums().isEmpty());
        }
    }

    private static LidarSweep sweep(int k, int n) {
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        float[] in = new float[n];
        byte[] ring = new byte[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 * k + i;
            y[i] = -x[i];
            z[i] = 0.5f;
            in[i] = k;
            ring[i] = (byte) i;
            t[i] = 100 * i;
        }
        return new LidarSweep("top", 1_000_000_000L + k * 100_000_000L, x, y, z, in, ring, t);
    }
}
