package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.ChecksumMismatchException;
import io.avreplay.replay.log.LidarSweep;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadVerifiedTest extends ArrowTest {
    @ParameterizedTest
    @EnumSource(Compression.class)
    void readVerifiedDecodesExactlyWhatReadDoes(Compression c) {
        Path dir = tmp.resolve("log");
        TestLogs.write(dir, allocator, TestLogs.Spec.small().withOptions(WriteOptions.defaults().withCompression(c)));
        try (LogReader r = LogReader.open(dir, allocator)) {
            FrameStream<LidarSweep> lidar = r.lidar("lidar_top");
            for (int i = 0; i < lidar.size(); i++) {
                LidarSweep a = lidar.readVerified(i);
                LidarSweep b = lidar.read(i);
                assertArrayEquals(b.x(), a.x());
                assertArrayEquals(b.offsetNs(), a.offsetNs());
            }
            assertEquals(TestLogs.boxes(4), r.annotations3d().orElseThrow().readVerified(4).boxes());
            assertArrayEquals(TestLogs.imageBytes(3), r.camera("cam_front").readVerified(3).data());
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aFlippedByteFailsTheChecksumNamingFileAndBatch(Compression c) throws Exception {
        Path dir = tmp.resolve("log");
        TestLogs.write(dir, allocator, TestLogs.Spec.small().withOptions(WriteOptions.defaults().withCompression(c)));
        Path file = dir.resolve("lidar/lidar_top.arrow");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pos = f.length() / 2;
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 1);
        }
        try (LogReader r = LogReader.open(dir, allocator)) {
            FrameStream<LidarSweep> lidar = r.lidar("lidar_top");
            int failures = 0;
            for (int i = 0; i < lidar.size(); i++) {
                final int k = i;
                try {
                    lidar.verify(k);
                } catch (ChecksumMismatchException e) {
                    failures++;
                    ChecksumMismatchException e2 = assertThrows(ChecksumMismatchException.class, () -> lidar.readVerified(k));
                    assertTrue(e2.getMessage().startsWith(file + ": batch "), e2.getMessage());
                    assertEquals(e.getMessage(), e2.getMessage());
                }
            }
            assertEquals(1, failures);
        }
    }
}
