package io.avreplay.cli;

import io.avreplay.replay.time.DurationGrammar;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.bench.PerceptionBenchmark;
import io.avreplay.replay.arrow.Compression;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.bench.IoBenchmark;
import io.avreplay.replay.files.FileTrees;
import io.avreplay.replay.play.ReplayBenchmark;
import io.avreplay.scenario.synth.Presets;
import io.avreplay.scenario.synth.SynthBenchmark;
import io.avreplay.scenario.synth.SynthOptions;
import io.avreplay.scenario.synth.Synthesizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avreplay bench ...}: benchmarks reported as ratios against a baseline measured in the same run. */
@Command(name = "bench", description = "Run a benchmark; results are ratios against a baseline measured in the same run.",
        subcommands = {BenchCommand.Io.class, BenchCommand.Replay.class, BenchCommand.Synth.class,
            BenchCommand.Perception.class, BenchCommand.Mcap.class, BenchCommand.GateBench.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing benchmark name");
    }

    /** Log read throughput against raw FileChannel reads of the same bytes. */
    @Command(name = "io", description = "Write a log of lidar sweeps, then compare LogReader throughput with raw FileChannel reads.")
    static final class Io extends Bench<IoBenchmark.Result> {
        @Option(names = "--size-mb", defaultValue = "1024", description = "Lidar data to write, MB (default ${DEFAULT-VALUE}).")
        long sizeMb;

        @Mixin
        BenchWorkDir work;

        @Option(names = "--compression", defaultValue = "none",
                description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        Compression compression;

        @Option(names = "--repeats", defaultValue = "3", description = "Timed read passes (default ${DEFAULT-VALUE}).")
        int repeats;

        @Override
        IoBenchmark.Result measure() throws Exception {
            Path dir = work.resolve("avreplay-bench-io");
            try (RootAllocator allocator = Allocators.root()) {
                return IoBenchmark.run(dir, sizeMb * 1_000_000L, compression, repeats, allocator, progress("io"));
            }
        }

        @Override
        void text(PrintWriter out, IoBenchmark.Result r) {
            out.printf("log bytes        %d (%d sweeps, %d points)%n", r.logBytes(), r.sweeps(), r.points());
            out.printf("write            %.0f MB/s%n", r.writeMBps());
            out.printf("raw read         %.0f MB/s (FileChannel, page cache warm)%n", r.rawReadMBps());
            out.printf("LogReader read   %.0f MB/s (decode + touch every point)%n", r.readerMBps());
            out.printf("ratio            %.2f of raw%n", r.ratio());
        }
    }

    /** Replay throughput, memory under a small heap and sync overhead ({@code ReplayBenchmark}). */
    @Command(name = "replay", description = {"Replay all lidar sweeps of a >= 1 GB log touching every point, as a ratio of raw "
                    + "FileChannel reads; peak heap + direct memory of a child JVM replaying it under -Xmx256m; "
                    + "sync overhead per frame set. The log is written once under --dir and reused."})
    static final class Replay extends Bench<ReplayBenchmark.Result> {
        @Option(names = "--size-mb", defaultValue = "2048", description = "Lidar data in the log, MiB (default ${DEFAULT-VALUE}).")
        long sizeMb;

        @Mixin
        BenchWorkDir work;

        @Option(names = "--repeats", defaultValue = "5", description = "Timed rounds (default ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--child-heap", defaultValue = "256m",
                description = "-Xmx of the memory probe JVM; empty to skip (default ${DEFAULT-VALUE}).")
        String childHeap;

        @Override
        ReplayBenchmark.Result measure() throws Exception {
            Path dir = work.resolve("avreplay-bench-replay");
            try (RootAllocator allocator = Allocators.root()) {
                var defaults = ReplayBenchmark.Options.defaults();
                return ReplayBenchmark.run(dir, allocator, new ReplayBenchmark.Options(sizeMb << 20,
                        defaults.pointsPerSweep(), childHeap, repeats, defaults.decodeThreads()));
            }
        }

        @Override
        void text(PrintWriter out, ReplayBenchmark.Result r) {
            out.printf("log              %d bytes, %d sweeps%n", r.logBytes(), r.sweeps());
            out.printf("raw read         %.0f MB/s%n", r.rawReadBytesPerSecond() / 1e6);
            out.printf("replay           %.0f MB/s verified, %.0f MB/s unverified%n",
                    r.replayBytesPerSecond() / 1e6, r.replayNoVerifyBytesPerSecond() / 1e6);
            out.printf("replay, lent     %.0f MB/s verified, points lent as views of the mapped log%n",
                    r.replayLentBytesPerSecond() / 1e6);
            out.printf("ratio            %.2f of raw (verified, lent points); owned arrays: %.2f (verified),"
                    + " %.2f (unverified), %.2f (parallel decode)%n",
                    r.ratioLent(), r.ratio(), r.ratioNoVerify(), r.ratioParallel());
            if (r.childMaxHeapBytes() > 0) {
                out.printf("memory           peak heap %.0f MiB + direct %.0f MiB + Arrow %.0f MiB under -Xmx %.0f MiB%n",
                        r.childHeapPeakBytes() / 1048576.0, r.childNioDirectPeakBytes() / 1048576.0,
                        r.childArrowPeakBytes() / 1048576.0, r.childMaxHeapBytes() / 1048576.0);
            }
            out.printf("sync             %.0f us per frame set (own work), %.2f ms per whole set%n",
                    r.syncOverheadNsPerSet() / 1e3, r.syncReplayNsPerSet() / 1e6);
        }
    }

    /** Synthesizer throughput: sweeps and rays per second, and the real-time factor of a whole log. */
    @Command(name = "synth", description = "Generate a preset's log and report lidar sweeps/s, rays/s, camera frames/s and real-time factor.")
    static final class Synth extends Bench<SynthBenchmark.Result> {
        @Option(names = "--preset", defaultValue = "congested-arterial", description = "Preset (default ${DEFAULT-VALUE}).")
        String preset;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--duration", defaultValue = "20s", description = "Log duration (default ${DEFAULT-VALUE}).")
        String duration;

        @Option(names = "--rate-camera", defaultValue = "20", description = "Camera rate, Hz; 0 for lidar only (default ${DEFAULT-VALUE}).")
        double cameraHz;

        @Mixin
        BenchWorkDir work;

        @Override
        SynthBenchmark.Result measure() throws Exception {
            Path dir = work.resolve("avreplay-bench-synth");
            try (RootAllocator allocator = Allocators.root()) {
                return SynthBenchmark.run(Presets.load(preset), seed, DurationGrammar.parseNs("--duration", duration),
                        SynthOptions.defaults().withRates(10, cameraHz), dir, allocator);
            }
        }

        @Override
        void derived(ObjectNode json, SynthBenchmark.Result r) {
            json.put("sweeps_per_second", r.sweepsPerSecond()).put("rays_per_second", r.raysPerSecond())
                    .put("camera_frames_per_second", r.cameraFramesPerSecond()).put("realtime_factor", r.realTimeFactor());
        }

        @Override
        void text(PrintWriter out, SynthBenchmark.Result r) {
            out.printf("preset           %s, %.1f s, %d sweeps, %d rays, %d camera frames%n", r.preset(),
                    r.durationNs() / 1e9, r.sweeps(), r.rays(), r.cameraFrames());
            out.printf("lidar            %.1f sweeps/s, %.2f M rays/s%n", r.sweepsPerSecond(), r.raysPerSecond() / 1e6);
            out.printf("camera           %.1f frames/s%n", r.cameraFramesPerSecond());
            out.printf("real-time factor %.2f (log duration / generation time)%n", r.realTimeFactor());
        }
    }

    /** Detector speed per sweep and frame, every backend of the network, against an SGEMM of the same FLOPs. */
    @Command(name = "perception", description = {"Time the lidar and camera detectors per sweep and frame on a log's frames (batch 1), "
                + "their networks alone on every backend (DL4J, folded, ONNX Runtime), and an SGEMM of the same FLOPs "
                + "as the same-run baseline.",
                "Without --log a 3 s urban-intersection log (seed 901, lidar 10 Hz, camera 20 Hz) is "
                + "synthesized into a temporary directory first."})
    static final class Perception extends Bench<PerceptionBenchmark.Result> {
        @Option(names = "--log", paramLabel = "DIR", description = "Log to take the frames from.")
        Path log;

        @Mixin
        ModelOptions models;

        @Option(names = "--threads", defaultValue = "0",
                description = "ND4J threads per call; 0 keeps ND4J's default (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--timed", defaultValue = "20", description = "Timed repetitions, median reported (default ${DEFAULT-VALUE}).")
        int timed;

        @Override
        PerceptionBenchmark.Result measure() throws Exception {
            var options = new PerceptionBenchmark.Options(16, 3, timed);
            Path synthesized = log != null ? null : Files.createTempDirectory("avreplay-bench-perception");
            PrintWriter err = spec.commandLine().getErr();
            try (RootAllocator allocator = Allocators.root();
                    LogReader reader = LogReader.open(
                            log != null ? log : synthesize(synthesized.resolve("log"), allocator), allocator)) {
                var onnx = models.onnxOptionsAlone();
                var lidar = ModelOptions.resolve("--lidar-model", models.lidarModel, ModelTask.LIDAR_3D, onnx, allocator,
                        err);
                var camera = ModelOptions.resolve("--camera-model", models.cameraModel, ModelTask.CAMERA_2D, onnx,
                        allocator, err);
                if (threads > 0) { // after loading: ND4J sets its defaults when its backend starts
                    Detectors.setNativeThreadsPerCall(threads);
                }
                try {
                    return PerceptionBenchmark.run(reader, lidar, camera, options);
                } finally {
                    lidar.ifPresent(Detector::close);
                    camera.ifPresent(Detector::close);
                }
            } finally {
                if (synthesized != null) {
                    FileTrees.deleteQuietly(synthesized);
                }
            }
        }

        @Override
        JsonNode json(PerceptionBenchmark.Result r) {
            ObjectNode node = Json.MAPPER.createObjectNode().put("nativeThreads", r.nativeThreads());
            r.lidar().ifPresent(t -> node.set("lidar", Json.MAPPER.valueToTree(t)));
            r.camera().ifPresent(t -> node.set("camera", Json.MAPPER.valueToTree(t)));
            return node;
        }

        @Override
        void text(PrintWriter out, PerceptionBenchmark.Result r) {
            out.printf("native threads   %d per call%n", r.nativeThreads());
            r.lidar().ifPresent(t -> print(out, "lidar", "sweep", t));
            r.camera().ifPresent(t -> print(out, "camera", "frame", t));
        }

        private static void print(PrintWriter out, String what, String unit, PerceptionBenchmark.Timing t) {
            out.printf("%-16s %s: %.1f ms per %s end to end (%s); network %.1f ms (%.3f GFLOP, %.2f GFLOP/s; DL4J's "
                    + "own forward pass %.1f ms); SGEMM of the same FLOPs %.2f ms: network %.1fx slower%n", what,
                    t.model(), t.detectMs(), unit, t.backend(), t.networkMs(), t.flopsPerFrame() / 1e9,
                    t.networkGflops(), t.dl4jNetworkMs(), t.gemmMs(), t.networkVsGemm());
            double fastest = Math.min(t.dl4jNetworkMs(), Math.min(nanToMax(t.foldedNetworkMs()), nanToMax(t.onnxNetworkMs())));
            out.printf("%-16s backends (network only, ms per %s, x the fastest): dl4j %.2f (%.2fx), folded %.2f (%.2fx), "
                    + "onnxruntime-cpu %.2f (%.2fx, max rel. error vs DL4J %.1e)%n", what, unit, t.dl4jNetworkMs(),
                    t.dl4jNetworkMs() / fastest, t.foldedNetworkMs(), t.foldedNetworkMs() / fastest, t.onnxNetworkMs(),
                    t.onnxNetworkMs() / fastest, t.onnxRelError());
        }

        private static double nanToMax(double v) {
            return Double.isNaN(v) ? Double.MAX_VALUE : v;
        }

        private static Path synthesize(Path dir, RootAllocator allocator) {
            Synthesizer.generate(Presets.load("urban-intersection"),
                    901, 3_000_000_000L, SynthOptions.defaults(), dir, allocator);
            return dir;
        }
    }

    /** MCAP import throughput against raw reads and raw copies of the same bytes ({@code McapImportBenchmark}). */
    @Command(name = "mcap",
            description = "Import an MCAP file repeatedly and compare the import throughput with a raw read and a raw copy "
                    + "of its bytes measured in the same rounds (a big bag: node tools/mcap-check/write-bag.mjs BAG 100 60000).")
    static final class Mcap extends Bench<io.avreplay.replay.bench.McapImportBenchmark.Result> {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "BAG", description = "The .mcap file.")
        Path bag;

        @Option(names = "--repeats", defaultValue = "5", description = "Rounds of every pass; the best of each is kept "
                + "(default ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--dir", description = "Parent of the work directory for the copies and logs, on the file system "
                + "to measure (default: the system's temporary directory); the work directory is deleted at the end.")
        Path dir;

        @Override
        io.avreplay.replay.bench.McapImportBenchmark.Result measure() throws Exception {
            Path work = Files.createTempDirectory(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")),
                    "avreplay-bench-mcap");
            try (RootAllocator allocator = Allocators.root()) {
                return io.avreplay.replay.bench.McapImportBenchmark.run(bag, work, repeats, allocator, progress("mcap"));
            } finally {
                FileTrees.delete(work);
            }
        }

        @Override
        void text(PrintWriter out, io.avreplay.replay.bench.McapImportBenchmark.Result r) {
            double mb = r.bagBytes() / 1e6;
            out.printf("bag              %.1f MB, %d messages; one import writes a %.1f MB log%n", mb, r.messages(),
                    r.logBytes() / 1e6);
            out.printf("raw read         %6.0f MB/s (FileChannel into a reused 256 KiB direct buffer, page cache warm)%n",
                    r.rawReadMBps());
            out.printf("disk read        %6.0f MB/s (O_DIRECT: from the device, page cache bypassed)%n", r.diskReadMBps());
            out.printf("raw copy         %6.0f MB/s (the same read, written to a new file)%n", r.rawCopyMBps());
            out.printf("McapReader scan  %6.0f MB/s (no decoding)%n", r.scanMBps());
            out.printf("import           %6.0f MB/s (uncompressed log): %.2f of raw read, %.2f of raw copy, %.2f of disk "
                    + "read%n", r.importMBps(), r.readRatio(), r.copyRatio(), r.diskRatio());
            out.printf("import zstd      %6.0f MB/s: %.2f of raw read, %.2f of raw copy%n", r.importZstdMBps(),
                    r.importZstdMBps() / r.rawReadMBps(), r.importZstdMBps() / r.rawCopyMBps());
            out.printf("import lz4       %6.0f MB/s: %.2f of raw read, %.2f of raw copy%n", r.importLz4MBps(),
                    r.importLz4MBps() / r.rawReadMBps(), r.importLz4MBps() / r.rawCopyMBps());
            out.printf("log write        %6.0f MB/s (the log's %.1f MB written to a new file): no import can pass %.0f MB/s of "
                    + "bag bytes = %.2f of raw read%n", r.logWriteMBps(), r.logBytes() / 1e6, r.writeBoundMBps(),
                    r.writeBoundMBps() / r.rawReadMBps());
            out.printf("CPU time         raw read %.0f ms, raw copy %.0f ms, import %.0f ms (least of the rounds, "
                    + "all threads)%n", r.rawReadCpuMs(), r.rawCopyCpuMs(), r.importCpuMs());
        }
    }

    /** Scoring a catalogue with the safety gates against today's gates, in the same run. */
    @Command(name = "gate",
            description = "Score synthetic scenarios with today's gates and with the safety gates added; report the ratio.")
    static final class GateBench extends Bench<io.avreplay.scenario.gate.GateBenchmark.Result> {
        @Option(names = "--scenarios", defaultValue = "20", description = "Scenarios (default ${DEFAULT-VALUE}).")
        int scenarios;

        @Option(names = "--frames", defaultValue = "120", description = "Frames per scenario (default ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
        int resamples;

        @Option(names = "--repeats", defaultValue = "3", description = "Timed repeats of each (default ${DEFAULT-VALUE}).")
        int repeats;

        @Override
        io.avreplay.scenario.gate.GateBenchmark.Result measure() {
            try {
                new io.avreplay.scenario.gate.BootstrapConfig(resamples, 0.95,
                        io.avreplay.scenario.gate.BootstrapConfig.DEFAULT_SEED);
            } catch (IllegalArgumentException e) {
                throw new io.avreplay.error.InvalidConfigException("--resamples: " + e.getMessage());
            }
            return io.avreplay.scenario.gate.GateBenchmark.run(scenarios, frames, resamples, repeats);
        }

        @Override
        void derived(ObjectNode json, io.avreplay.scenario.gate.GateBenchmark.Result r) {
            json.put("ratio", r.ratio()).put("cpu_ratio", r.cpuRatio());
        }

        @Override
        void text(PrintWriter out, io.avreplay.scenario.gate.GateBenchmark.Result r) {
            out.printf("%d scenarios x %d frames, %d resamples%n", r.scenarios(), r.framesEach(), r.resamples());
            out.printf("today's gates    %.2f s wall, %.2f s CPU%n", r.todaySeconds(), r.todayCpuSeconds());
            out.printf("+ safety gates   %.2f s wall, %.2f s CPU  (%.2fx wall, %.2fx CPU)%n", r.safetySeconds(),
                    r.safetyCpuSeconds(), r.ratio(), r.cpuRatio());
        }
    }
}
