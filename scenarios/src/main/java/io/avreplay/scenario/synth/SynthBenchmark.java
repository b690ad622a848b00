package io.avreplay.scenario.synth;

import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.files.FileTrees;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Measures the synthesizer: generates a log into a temporary directory, times each stage, deletes the
 * log. The entry point for {@code avreplay bench synth}. Not for use concurrently with other heavy work
 * if the numbers are to mean anything.
 */
public final class SynthBenchmark {
    private SynthBenchmark() {
    }

    /**
     * Result of one benchmark run.
     *
     * @param preset          preset name
     * @param durationNs      simulated log length, ns
     * @param sweeps          lidar sweeps generated
     * @param rays            lidar rays cast
     * @param points          lidar points produced
     * @param cameraFrames    camera frames rendered and encoded
     * @param threads         worker threads available (common pool parallelism + caller)
     * @param simulateSeconds world building and traffic simulation, s
     * @param lidarSeconds    ray casting of all sweeps (excluding ground truth and writing), s
     * @param cameraSeconds   rendering, JPEG encoding, 2D ground truth and writing of all frames, s
     * @param totalSeconds    whole generation including writing the log, s
     */
    public record Result(String preset, long durationNs, int sweeps, long rays, long points, int cameraFrames,
            int threads, double simulateSeconds, double lidarSeconds, double cameraSeconds, double totalSeconds) {
        /** @return lidar sweeps cast per second of ray-casting time */
        public double sweepsPerSecond() {
            return sweeps / lidarSeconds;
        }

        /** @return lidar rays per second of ray-casting time */
        public double raysPerSecond() {
            return rays / lidarSeconds;
        }

        /** @return camera frames per second of camera time */
        public double cameraFramesPerSecond() {
            return cameraFrames / cameraSeconds;
        }

        /** @return simulated seconds of log generated per wall-clock second */
        public double realTimeFactor() {
            return durationNs / 1e9 / totalSeconds;
        }
    }

    /**
     * Generates one log and reports timings.
     *
     * @param preset     the scenario
     * @param seed       seed
     * @param durationNs log length, ns
     * @param options    rates etc.
     * @param workDir    where the temporary log goes (deleted afterwards)
     * @param allocator  parent allocator
     */
    public static Result run(Preset preset, long seed, long durationNs, SynthOptions options, Path workDir,
            BufferAllocator allocator) {
        Path out = workDir.resolve("bench-" + Synthesizer.logId(preset, seed));
        try {
            Synthesizer.Stats s = Synthesizer.run(preset, seed, durationNs, options.withOverwrite(true), out, allocator,
                    io.avreplay.replay.progress.ProgressListener.NONE);
            LogReader.readManifest(out);
            return new Result(preset.name(), durationNs, s.sweeps(), s.rays(), s.points(), s.cameraFrames(),
                    java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1, s.simulateNanos() / 1e9,
                    s.lidarNanos() / 1e9, s.cameraNanos() / 1e9, s.totalNanos() / 1e9);
        } finally {
            FileTrees.delete(out);
        }
    }
}
