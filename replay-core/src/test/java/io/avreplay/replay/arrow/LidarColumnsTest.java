package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LidarColumnsTest extends ArrowTest {
    /** Point counts of the sweeps written: partial validity bytes (13, 5), a shrink (13 → 5) and an empty sweep. */
    private static final int[] SIZES = {13, 5, 0, 16};

    /**
     * A log written through {@code writeLidarColumns} (columns reused from sweep to sweep, capacity 16) has the same
     * bytes as one written through {@code writeLidarSweep} from the same points, on every compression, and reads
     * back the points (sweep k, point i: x = 10k + i, y = −x, z = 0.5, intensity k, ring 200 + i, offset −100 i ns).
     */
    @ParameterizedTest
    @EnumSource(Compression.class)
    void columnsWriteTheSameBytesAsSweeps(Compression compression) throws IOException {
        Path bySweep = write("sweeps", compression, (w, k) -> w.writeLidarSweep(sweep(k, SIZES[k])));
        try (LidarColumns c = LidarColumns.allocate(allocator, 16)) {
            Path byColumns = write("columns", compression, (w, k) -> {
                fill(c, k, SIZES[k]);
                w.writeLidarColumns("top", time(k), c, SIZES[k]);
            });
            Path file = Path.of(LogSchemas.fileFor(io.avreplay.replay.log.StreamKind.LIDAR, "top"));
            assertArrayEquals(Files.readAllBytes(bySweep.resolve(file)), Files.readAllBytes(byColumns.resolve(file)));
            try (LogReader r = LogReader.open(byColumns, allocator)) {
                assertTrue(r.verifyChecksums().isEmpty());
                for (int k = 0; k < SIZES.length; k++) {
                    LidarSweep want = sweep(k, SIZES[k]);
                    LidarSweep got = r.lidar("top").read(k);
                    assertEquals(want.timestampNs(), got.timestampNs());
                    assertArrayEquals(want.x(), got.x());
                    assertArrayEquals(want.y(), got.y());
                    assertArrayEquals(want.intensity(), got.intensity());
                    assertArrayEquals(want.ring(), got.ring());
                    assertArrayEquals(want.offsetNs(), got.offsetNs());
                }
            }
        }
    }

    /** The view reads the filled points; sizes beyond the capacity and closed columns are refused. */
    @Test
    void viewReadsTheFilledPointsAndSizesAreChecked() {
        LidarColumns c = LidarColumns.allocate(allocator, 4);
        fill(c, 2, 3);
        LidarSweep got = c.view("top", 7, 3).toSweep();
        assertArrayEquals(sweep(2, 3).x(), got.x());
        assertArrayEquals(sweep(2, 3).ring(), got.ring());
        assertArrayEquals(sweep(2, 3).offsetNs(), got.offsetNs());
        assertEquals(7, got.timestampNs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.view("top", 7, 5));
        assertEquals("points must be 0..4, got 5", e.getMessage());
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.view("top", 7, 1));
        assertThrows(IllegalArgumentException.class, () -> LidarColumns.allocate(allocator, -1));
    }

    private Path write(String name, Compression compression, BiConsumer<LogWriter, Integer> sweepK) {
        Path dir = tmp.resolve(name);
        try (LogWriter w = LogWriter.create(dir, new LogMetadata("cols", "car", "city", Map.of()), allocator,
                WriteOptions.defaults().withCompression(compression))) {
            w.addCalibration(SensorCalibration.lidar("top", new Pose(Quaternion.IDENTITY, new Vec3(0, 0, 1))));
            for (int k = 0; k < SIZES.length; k++) {
                sweepK.accept(w, k);
            }
            w.commit();
        }
        return dir;
    }

    private static long time(int k) {
        return 1_000_000_000L + k * 100_000_000L;
    }

    private static void fill(LidarColumns c, int k, int n) {
        LidarSweep s = sweep(k, n);
        for (int i = 0; i < n; i++) {
            c.x().putFloat(4 * i, s.x()[i]);
            c.y().putFloat(4 * i, s.y()[i]);
            c.z().putFloat(4 * i, s.z()[i]);
            c.intensity().putFloat(4 * i, s.intensity()[i]);
            c.ring().put(i, s.ring()[i]);
            c.offsetNs().putInt(4 * i, s.offsetNs()[i]);
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
            ring[i] = (byte) (200 + i);
            t[i] = -100 * i;
        }
        return new LidarSweep("top", time(k), x, y, z, in, ring, t);
    }
}
