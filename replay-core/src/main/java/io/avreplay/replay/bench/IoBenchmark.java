package io.avreplay.replay.bench;

import io.avreplay.replay.arrow.Compression;
import io.avreplay.replay.arrow.LidarStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.files.FileTrees;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes a log of lidar sweeps of a given size, then reads it back twice: raw, with a
 * {@link FileChannel} into a direct buffer (the physical limit with a warm page cache), and through
 * {@link LogReader}, lending every sweep's columns without a copy ({@code withView}) and touching every
 * point ({@link PointTouch}). Reports both throughputs and their ratio. Each read pass is repeated and the best is kept.
 */
public final class IoBenchmark {
    /** Points per synthetic sweep: about a 64-beam sensor at 10 Hz. */
    public static final int POINTS_PER_SWEEP = 120_000;
    private static final int BYTES_PER_POINT = 4 * 4 + 1 + 4;

    /**
     * Result of one run.
     *
     * @param logBytes       size of the lidar file, bytes
     * @param sweeps         sweeps written
     * @param points         points read per pass
     * @param writeMBps      write throughput, MB/s (10^6 bytes)
     * @param rawReadMBps    raw FileChannel read throughput, MB/s
     * @param readerMBps     LogReader throughput (decode + touch every point), MB/s
     * @param ratio          {@code readerMBps / rawReadMBps}
     * @param checksum       sum of all coordinates (keeps the JIT from skipping the work)
     */
    public record Result(long logBytes, int sweeps, long points, double writeMBps, double rawReadMBps,
            double readerMBps, double ratio, double checksum) {
    }

    private IoBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param workDir     directory for the temporary log (deleted afterwards)
     * @param targetBytes approximate size of the lidar data to write
     * @param compression buffer compression of the written log
     * @param repeats     read passes of each kind; the best is reported
     * @param progress    receives one line per phase
     */
    public static Result run(Path workDir, long targetBytes, Compression compression, int repeats,
            BufferAllocator allocator, Consumer<String> progress) {
        Path log = workDir.resolve("bench-io-log");
        try {
            if (Files.exists(log)) {
                FileTrees.deleteQuietly(log);
            }
            int sweeps = (int) Math.max(1, targetBytes / ((long) POINTS_PER_SWEEP * BYTES_PER_POINT));
            progress.accept("writing " + sweeps + " sweeps of " + POINTS_PER_SWEEP + " points to " + log);
            long t0 = System.nanoTime();
            LogManifest m = writeLog(log, sweeps, compression, allocator);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            Path lidarFile = log.resolve(m.streams().get(0).file());
            long bytes = Files.size(lidarFile);
            double bestRaw = Double.MAX_VALUE;
            double bestReader = Double.MAX_VALUE;
            double checksum = 0;
            long points = 0;
            for (int r = 0; r < repeats + 1; r++) {
                long a = System.nanoTime();
                rawRead(lidarFile);
                double raw = (System.nanoTime() - a) / 1e9;
                a = System.nanoTime();
                double[] sumAndCount = readerRead(log, allocator);
                double reader = (System.nanoTime() - a) / 1e9;
                checksum = sumAndCount[0];
                points = (long) sumAndCount[1];
                if (r > 0) { // the first pass warms the page cache and the JIT
                    bestRaw = Math.min(bestRaw, raw);
                    bestReader = Math.min(bestReader, reader);
                }
                progress.accept(String.format("pass %d: raw %.3f s, reader %.3f s", r, raw, reader));
            }
            double rawMBps = bytes / 1e6 / bestRaw;
            double readerMBps = bytes / 1e6 / bestReader;
            return new Result(bytes, sweeps, points, bytes / 1e6 / writeSeconds, rawMBps, readerMBps,
                    readerMBps / rawMBps, checksum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.deleteQuietly(log);
        }
    }

    private static LogManifest writeLog(Path log, int sweeps, Compression compression, BufferAllocator allocator) {
        SplittableRandom rnd = new SplittableRandom(42);
        try (LogWriter w = LogWriter.create(log, new LogMetadata("bench-io", "bench", "bench", Map.of()), allocator,
                WriteOptions.defaults().withCompression(compression))) {
            w.addCalibration(SensorCalibration.lidar("lidar_top", Pose.IDENTITY));
            float[] x = new float[POINTS_PER_SWEEP];
            float[] y = new float[POINTS_PER_SWEEP];
            float[] z = new float[POINTS_PER_SWEEP];
            float[] in = new float[POINTS_PER_SWEEP];
            byte[] ring = new byte[POINTS_PER_SWEEP];
            int[] off = new int[POINTS_PER_SWEEP];
            for (int s = 0; s < sweeps; s++) {
                for (int j = 0; j < POINTS_PER_SWEEP; j++) {
                    double az = rnd.nextDouble(2 * Math.PI);
                    double r = 2 + rnd.nextDouble(80);
                    x[j] = (float) (r * Math.cos(az));
                    y[j] = (float) (r * Math.sin(az));
                    z[j] = (float) rnd.nextDouble(-2, 3);
                    in[j] = (float) rnd.nextDouble();
                    ring[j] = (byte) (j % 64);
                    off[j] = j * 800;
                }
                w.writeLidarSweep(new LidarSweep("lidar_top", 1_000_000_000L + s * 100_000_000L, x, y, z, in, ring, off));
            }
            return w.commit();
        }
    }

    private static void rawRead(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        }
    }

    private static double[] readerRead(Path log, BufferAllocator allocator) {
        double sum = 0;
        long count = 0;
        try (LogReader r = LogReader.open(log, allocator)) {
            LidarStream s = r.lidar("lidar_top");
            for (int i = 0; i < s.size(); i++) {
                double[] sc = s.withView(i, v -> new double[] {PointTouch.sum(v), v.size()});
                sum += sc[0];
                count += (long) sc[1];
            }
        }
        return new double[] {sum, count};
    }
}
