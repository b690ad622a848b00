package io.avreplay.replay.play;

import io.avreplay.error.AvreplayException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.bench.PointTouch;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.EgoTrajectory;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.sync.SyncOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The replay benchmark ({@code avreplay bench replay}), measured in one run on a synthetic log it
 * writes: (a) replaying every lidar sweep and touching every point versus reading the same files raw
 * with a {@link FileChannel} (page cache warm), as a throughput ratio; (b) peak heap and direct memory
 * of a child JVM with a small heap replaying the whole log; (c) the cost sync adds per frame set.
 * Not a test: it writes gigabytes and takes a minute or more.
 */
public final class ReplayBenchmark {
    private ReplayBenchmark() {
    }

    /**
     * @param lidarBytes     lidar bytes to write (the log is about 12% larger with cameras and GT)
     * @param pointsPerSweep points per sweep
     * @param childHeap      {@code -Xmx} of the memory probe JVM, e.g. {@code 256m}; empty skips (b)
     * @param repeats        timed rounds of (a), each running raw and the three replays once
     * @param decodeThreads  read-ahead threads of the extra parallel run of (a)
     */
    public record Options(long lidarBytes, int pointsPerSweep, String childHeap, int repeats, int decodeThreads) {
        public Options {
            Objects.requireNonNull(childHeap, "childHeap");
            if (lidarBytes <= 0 || pointsPerSweep <= 0 || repeats <= 0 || decodeThreads <= 0) {
                throw new IllegalArgumentException("lidarBytes, pointsPerSweep, repeats and decodeThreads must be > 0,"
                        + " got " + lidarBytes + ", " + pointsPerSweep + ", " + repeats + ", " + decodeThreads);
            }
        }

        /** 2 GiB of lidar at 120k points per sweep, child heap 256 MiB, 5 repeats, 2 decode threads. */
        public static Options defaults() {
            return new Options(2L << 30, 120_000, "256m", 5, 2);
        }
    }

    /**
     * @param logBytes               size of the log on disk
     * @param lidarFileBytes         size of the lidar file
     * @param sweeps                 lidar sweeps
     * @param rawReadBytesPerSecond  FileChannel read of the lidar file, fastest round
     * @param replayBytesPerSecond   lidar-file bytes per second replaying with checksums verified, fastest round
     * @param replayNoVerifyBytesPerSecond the same without checksum verification
     * @param ratio                  replay / raw throughput, median over rounds of the per-round ratio
     *                               (target &gt;= 0.5)
     * @param ratioNoVerify          replay without verification / raw
     * @param ratioParallel          replay with checksums and {@code Options.decodeThreads} decode threads / raw
     * @param replayLentBytesPerSecond lidar-file bytes per second replaying with checksums verified and the
     *                               points lent as views of the mapped log ({@code lendLidarPoints}), fastest round
     * @param ratioLent              that replay / raw, median over rounds (target &gt;= 0.5)
     * @param childMaxHeapBytes      the probe JVM's max heap ({@code -1} when (b) was skipped)
     * @param childHeapPeakBytes     sum of the heap pools' peak usage (an upper bound of the heap peak)
     * @param childNioDirectPeakBytes peak of NIO direct buffers
     * @param childArrowPeakBytes    peak of Arrow (off-heap) allocations
     * @param childWallNs            the probe's replay time, ns
     * @param syncOverheadNsPerSet   sync's own work per frame set: camera choice, ego interpolation and
     *                               ground-truth decoding (no sensor data), ns
     * @param syncReplayNsPerSet     a whole frame-set replay (lidar + chosen images decoded), ns per set
     * @param frameReplayNsPerSweep  a frame replay of the same streams, ns per sweep (all images)
     */
    public record Result(long logBytes, long lidarFileBytes, int sweeps, double rawReadBytesPerSecond,
            double replayBytesPerSecond, double replayNoVerifyBytesPerSecond, double ratio, double ratioNoVerify,
            double ratioParallel, double replayLentBytesPerSecond, double ratioLent, long childMaxHeapBytes, long childHeapPeakBytes, long childNioDirectPeakBytes, long childArrowPeakBytes,
            long childWallNs, double syncOverheadNsPerSet, double syncReplayNsPerSet, double frameReplayNsPerSweep) {
    }

    /**
     * Writes the log under {@code workDir/replay-bench-log} (unless the same log is already there),
     * measures, and leaves the log in place for a rerun.
     *
     * @throws AvreplayException when the child JVM fails
     */
    public static Result run(Path workDir, BufferAllocator allocator, Options options) throws IOException {
        Path dir = workDir.resolve("replay-bench-log");
        int sweeps = BenchmarkLog.sweepsFor(options.lidarBytes(), options.pointsPerSweep());
        if (!BenchmarkLog.isPresent(dir, sweeps, options.pointsPerSweep())) {
            BenchmarkLog.write(dir, allocator, sweeps, options.pointsPerSweep());
        }
        LogManifest m = LogReader.readManifest(dir);
        Path lidarFile = dir.resolve(m.stream(StreamKind.LIDAR, BenchmarkLog.LIDAR).orElseThrow().file());
        long lidarBytes = Files.size(lidarFile);
        long logBytes = m.files().values().stream().mapToLong(f -> f.bytes()).sum();

        readRaw(lidarFile); // warm the page cache
        replayLidar(dir, allocator, true, 1); // and the JIT
        // Raw and replay runs alternate, so each ratio compares runs that saw the same machine load.
        int n = options.repeats();
        replayLidar(dir, allocator, true, 1, true);
        double[][] seconds = new double[5][n];
        for (int i = 0; i < n; i++) {
            seconds[0][i] = timeSeconds(() -> readRaw(lidarFile));
            seconds[1][i] = timeSeconds(() -> replayLidar(dir, allocator, true, 1));
            seconds[2][i] = timeSeconds(() -> replayLidar(dir, allocator, false, 1));
            seconds[3][i] = timeSeconds(() -> replayLidar(dir, allocator, true, options.decodeThreads()));
            seconds[4][i] = timeSeconds(() -> replayLidar(dir, allocator, true, 1, true));
        }
        double raw = lidarBytes / min(seconds[0]);
        double replay = lidarBytes / min(seconds[1]);
        double replayNoVerify = lidarBytes / min(seconds[2]);
        double parallel = lidarBytes / min(seconds[3]);
        Properties child = options.childHeap().isEmpty() ? new Properties()
                : probe(dir, workDir, options.childHeap());
        double overhead = Math.min(syncOverhead(dir, allocator), syncOverhead(dir, allocator)); // 1st warms the JIT
        double syncReplay = timeSeconds(() -> replaySets(dir, allocator)) * 1e9 / sweeps;
        double frameReplay = timeSeconds(() -> replayAll(dir, allocator)) * 1e9 / sweeps;
        return new Result(logBytes, lidarBytes, sweeps, raw, replay, replayNoVerify,
                medianRatio(seconds[0], seconds[1]), medianRatio(seconds[0], seconds[2]),
                medianRatio(seconds[0], seconds[3]), lidarBytes / min(seconds[4]), medianRatio(seconds[0], seconds[4]),
                prop(child, "maxHeapBytes"), prop(child, "heapPeakBytes"),
                prop(child, "nioDirectPeakBytes"), prop(child, "arrowPeakBytes"), prop(child, "wallNs"), overhead,
                syncReplay, frameReplay);
    }

    /**
     * Runs the benchmark with {@link Options#defaults()} (or {@code LIDAR_BYTES} of lidar) and writes
     * the result to {@code WORK_DIR/replay-bench-result.properties}: {@code java
     * --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx2g -cp CLASSPATH io.avreplay.replay.play.ReplayBenchmark
     * WORK_DIR [LIDAR_BYTES]}. The {@code avreplay} command line offers the same as {@code bench replay}.
     */
    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        Files.createDirectories(work);
        Options d = Options.defaults();
        Options o = args.length > 1 ? new Options(Long.parseLong(args[1]), d.pointsPerSweep(), d.childHeap(),
                d.repeats(), d.decodeThreads()) : d;
        Result r;
        try (org.apache.arrow.memory.RootAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            r = run(work, allocator, o);
        }
        Properties p = new Properties();
        for (java.lang.reflect.RecordComponent c : Result.class.getRecordComponents()) {
            try {
                p.setProperty(c.getName(), String.valueOf(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read result field " + c.getName(), e);
            }
        }
        p.setProperty("options", o.toString());
        p.setProperty("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        try (var w = Files.newBufferedWriter(work.resolve("replay-bench-result.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "avreplay replay benchmark");
        }
    }

    @FunctionalInterface
    private interface Timed {
        void run() throws IOException;
    }

    private static double timeSeconds(Timed t) throws IOException {
        long start = System.nanoTime();
        t.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double min(double[] s) {
        return Arrays.stream(s).min().orElseThrow();
    }

    /** @return the median over runs {@code i} of {@code raw[i] / replay[i]} (time ratio = throughput ratio) */
    private static double medianRatio(double[] raw, double[] replay) {
        double[] r = new double[raw.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = raw[i] / replay[i];
        }
        Arrays.sort(r);
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    private static void readRaw(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.clear();
            }
        }
    }

    private static void replayLidar(Path dir, BufferAllocator allocator, boolean verify, int threads) {
        replayLidar(dir, allocator, verify, threads, false);
    }

    private static void replayLidar(Path dir, BufferAllocator allocator, boolean verify, int threads, boolean lend) {
        double[] sink = {0};
        try (Replay r = Replay.builder(allocator).log(dir).sensors(List.of(BenchmarkLog.LIDAR)).groundTruth(false)
                .verifyChecksums(verify).decodeThreads(threads).lendLidarPoints(lend).build()) {
            r.play(f -> sink[0] += lend ? PointTouch.sum(f.points().orElseThrow()) : PointTouch.sum((LidarSweep) f.frame()));
        }
        if (Double.isNaN(sink[0])) {
            throw new AvreplayException("benchmark produced NaN");
        }
    }

    private static void replaySets(Path dir, BufferAllocator allocator) {
        try (Replay r = Replay.builder(allocator).log(dir).build()) {
            r.playFrameSets(SyncOptions.defaults(), s -> PointTouch.sum((LidarSweep) s.frame()));
        }
    }

    private static void replayAll(Path dir, BufferAllocator allocator) {
        try (Replay r = Replay.builder(allocator).log(dir).build()) {
            r.play(f -> {
                if (f.frame() instanceof LidarSweep s) {
                    PointTouch.sum(s);
                }
            });
        }
    }

    /** Times what sync adds to a frame: choosing cameras, interpolating the pose, decoding ground truth. */
    private static double syncOverhead(Path dir, BufferAllocator allocator) {
        try (Replay r = Replay.builder(allocator).log(dir).build()) {
            List<LogReader> readers = r.logs();
            SyncPlan plan = SyncPlan.resolve(r.plan().slots(), java.util.Optional.of(BenchmarkLog.LIDAR),
                    SyncOptions.defaults());
            EgoTrajectory ego = readers.get(0).egoTrajectory();
            FrameStream<AnnotationFrame<io.avreplay.replay.object.GroundTruth3d>> gt3 =
                    readers.get(0).annotations3d().orElseThrow();
            List<FrameStream<?>> gt2 = new ArrayList<>();
            for (String c : BenchmarkLog.CAMERAS) {
                gt2.add(readers.get(0).annotations2d(c).orElseThrow());
            }
            long start = System.nanoTime();
            SyncSchedule schedule = new SyncSchedule(readers, plan, r.windowStartNs(), r.windowEndNs(), 1,
                    SyncOptions.defaults());
            long sets = 0;
            double sink = 0;
            while (schedule.hasNext()) {
                SetStep step = schedule.next();
                long t = step.reference().timestampNs();
                sink += ego.at(t).egoToWorld().translation().x();
                sink += gt3.read(gt3.ceilIndex(t)).boxes().size();
                for (int k = 0; k < step.cameras().size(); k++) {
                    FrameStream<?> s = gt2.get(k);
                    int i = s.ceilIndex(step.cameras().get(k).timestampNs());
                    sink += ((AnnotationFrame<?>) s.read(i)).boxes().size();
                }
                sets++;
            }
            long ns = System.nanoTime() - start;
            return sink < 0 ? Double.NaN : (double) ns / sets;
        }
    }

    private static Properties probe(Path dir, Path workDir, String heap) throws IOException {
        Path result = workDir.resolve("replay-bench-probe.properties");
        Files.deleteIfExists(result);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + heap, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), MemoryProbe.class.getName(), dir.toString(), result.toString());
        Path log = workDir.resolve("replay-bench-probe.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(result)) {
                p.destroyForcibly();
                throw new AvreplayException("memory probe JVM (-Xmx" + heap + ") failed; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AvreplayException("interrupted while waiting for the memory probe JVM", e);
        }
        Properties props = new Properties();
        try (Reader rd = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            props.load(rd);
        }
        return props;
    }

    private static long prop(Properties p, String key) {
        return Long.parseLong(p.getProperty(key, "-1"));
    }
}
