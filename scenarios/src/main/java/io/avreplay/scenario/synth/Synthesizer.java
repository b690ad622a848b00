package io.avreplay.scenario.synth;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.progress.ProgressListener;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.scenario.synth.camera.CameraRenderer;
import io.avreplay.scenario.synth.camera.CameraSpec;
import io.avreplay.scenario.synth.camera.CameraView;
import io.avreplay.scenario.synth.camera.ImageCodec;
import io.avreplay.scenario.synth.camera.Lighting;
import io.avreplay.scenario.synth.camera.RenderedFrame;
import io.avreplay.scenario.synth.lidar.LidarCaster;
import io.avreplay.scenario.synth.lidar.LidarNoise;
import io.avreplay.scenario.synth.lidar.LidarSpec;
import io.avreplay.scenario.synth.world.Scene;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Generates a complete log v1 from a preset and a seed: ego poses (100 Hz), a 32-beam lidar
 * ({@code lidar_top}) with 3D ground truth at every sweep, a front camera ({@code cam_front}) with 2D
 * ground truth at every frame, calibration, and manifest tags recording preset, seed, tool version
 * and the scripted events ({@link SynthEvent}). Output is byte-identical for the same preset, seed,
 * options and tool version. Thread-safe (no shared state); uses the common fork-join pool.
 */
public final class Synthesizer {
    /** Timestamp of the first frame of every synthesized log, ns. */
    public static final long T0_NS = 1_700_000_000_000_000_000L;
    /** Lidar position in the ego frame (level, facing forward). */
    public static final Vec3 LIDAR_MOUNT = new Vec3(0, 0, 1.85);
    static final long POSE_PERIOD_NS = 10_000_000L;
    private static final double SCENE_RADIUS_M = 220;

    private Synthesizer() {
    }

    /**
     * Synthesizes a log into {@code out} (written to a temporary directory and renamed into place on
     * success; nothing is left behind on failure).
     *
     * @param preset     what happens
     * @param seed       random seed (any value)
     * @param durationNs log length, ns, &gt; 0
     * @param options    rates, encoding, compression
     * @param out        the log directory to create
     * @param allocator  parent allocator; the writer takes a child and releases it
     * @return the manifest as written
     * @throws InvalidConfigException (exit 2) when the duration is not in (0, {@link #MAX_DURATION_NS}], or
     *         {@code out} exists and overwrite is off, or {@code out} is not a log that may be replaced
     */
    public static LogManifest generate(Preset preset, long seed, long durationNs, SynthOptions options, Path out,
            BufferAllocator allocator) {
        return generate(preset, seed, durationNs, options, out, allocator, ProgressListener.NONE);
    }

    /**
     * As {@link #generate(Preset, long, long, SynthOptions, Path, BufferAllocator)}, reporting each lidar
     * sweep (stage {@code lidar}) and camera frame (stage {@code camera}) written to {@code progress}.
     */
    public static LogManifest generate(Preset preset, long seed, long durationNs, SynthOptions options, Path out,
            BufferAllocator allocator, ProgressListener progress) {
        return run(preset, seed, durationNs, options, out, allocator, progress).manifest();
    }

    /**
     * Longest log the synthesizer writes: 1 hour, in ns. The world (roads, buildings, traffic) grows with the
     * duration, and a 20 s log is about 250 MB uncompressed, so this bounds both memory and disk.
     */
    public static final long MAX_DURATION_NS = 3_600_000_000_000L;

    /**
     * @throws InvalidConfigException (exit 2) unless {@code 0 < durationNs <= MAX_DURATION_NS}
     */
    public static void checkDuration(long durationNs) {
        if (durationNs <= 0 || durationNs > MAX_DURATION_NS) {
            throw new InvalidConfigException(String.format(java.util.Locale.ROOT,
                    "duration must be > 0 s and <= %d s, got %.3f s", MAX_DURATION_NS / 1_000_000_000L, durationNs / 1e9));
        }
    }

    /** What a run produced and how long each part took. */
    record Stats(LogManifest manifest, int sweeps, long rays, long points, int cameraFrames, long simulateNanos,
            long lidarNanos, long cameraNanos, long totalNanos) {
    }

    static Stats run(Preset preset, long seed, long durationNs, SynthOptions options, Path out, BufferAllocator allocator,
            ProgressListener progress) {
        checkDuration(durationNs);
        OutputPublisher.check(out, LogWriter.OUTPUT, options.overwrite());
        long start = System.nanoTime();
        World world = WorldBuilder.build(preset, seed, durationNs);
        long simulated = System.nanoTime();
        LidarSpec lidar = LidarSpec.standard32("lidar_top", options.lidarRateHz());
        CameraSpec camera = CameraSpec.front();
        Preset.Environment env = preset.environment();
        LidarNoise noise = new LidarNoise(env.lidarDropout(), env.lidarSpurious(), env.lidarRangeNoiseM());
        Lighting lighting = new Lighting(env.daylight(), env.rain());
        List<SynthEvent> events = events(world, durationNs);
        LogMetadata meta = new LogMetadata(logId(preset, seed), "synth-ego", "avreplay synthetic testbed",
                tags(preset, seed, durationNs, options, events));
        WriteOptions wo = WriteOptions.defaults().withCompression(options.compression()).withOverwrite(options.overwrite());
        long lidarNanos = 0;
        long cameraNanos = 0;
        int sweeps = 0;
        long points = 0;
        int frames = 0;
        try (LogWriter w = LogWriter.create(out, meta, allocator, wo)) {
            w.addCalibration(SensorCalibration.lidar(lidar.sensorId(), new Pose(Quaternion.IDENTITY, LIDAR_MOUNT)));
            if (options.cameraRateHz() > 0) {
                w.addCalibration(SensorCalibration.camera(camera.sensorId(), camera.sensorToEgo(), camera.intrinsics()));
            }
            writePoses(w, world, durationNs);
            double[] e = new double[6];
            long sweepCount = durationNs / lidar.periodNs() + 1;
            for (long k = 0; k * lidar.periodNs() <= durationNs; k++) {
                long t = k * lidar.periodNs();
                long t0 = System.nanoTime();
                world.sample(0, t, e);
                Scene scene = world.sceneAt(t, SCENE_RADIUS_M);
                LidarSweep sweep = LidarCaster.cast(scene, lidar, noise, e[0] + Math.cos(e[2]) * LIDAR_MOUNT.x(),
                        e[1] + Math.sin(e[2]) * LIDAR_MOUNT.x(), LIDAR_MOUNT.z(), e[2], T0_NS + t, seed, k);
                lidarNanos += System.nanoTime() - t0;
                w.writeLidarSweep(sweep);
                w.writeAnnotations3d(T0_NS + t, GroundTruth.boxes3d(world, t, sweep, LIDAR_MOUNT));
                sweeps++;
                points += sweep.size();
                progress.step("lidar", sweeps, sweepCount);
            }
            if (options.cameraRateHz() > 0) {
                long period = Math.round(1e9 / options.cameraRateHz());
                long frameCount = durationNs / period + 1;
                for (long k = 0; k * period <= durationNs; k++) {
                    long t = k * period;
                    long t0 = System.nanoTime();
                    world.sample(0, t, e);
                    Scene scene = world.sceneAt(t, SCENE_RADIUS_M);
                    CameraView view = CameraView.forEgo(camera, e[0], e[1], e[2]);
                    RenderedFrame img = CameraRenderer.render(scene, view, lighting, seed, k);
                    byte[] jpeg = ImageCodec.encode(img.bgr(), img.width(), img.height(), ".jpg", options.jpegQuality());
                    w.writeCameraFrame(new CameraFrame(camera.sensorId(), T0_NS + t, ImageEncoding.JPEG, jpeg,
                            img.width(), img.height()));
                    w.writeAnnotations2d(camera.sensorId(), T0_NS + t, GroundTruth.boxes2d(world, scene, view, img, t));
                    cameraNanos += System.nanoTime() - t0;
                    frames++;
                    progress.step("camera", frames, frameCount);
                }
            }
            LogManifest manifest = w.commit();
            return new Stats(manifest, sweeps, (long) sweeps * lidar.raysPerSweep(), points, frames,
                    simulated - start, lidarNanos, cameraNanos, System.nanoTime() - start);
        }
    }

    private static void writePoses(LogWriter w, World world, long durationNs) {
        double[] e = new double[6];
        for (long t = 0; t <= durationNs; t += POSE_PERIOD_NS) {
            world.sample(0, t, e);
            w.writeEgoPose(new EgoPose(T0_NS + t, new Pose(Quaternion.fromYaw(e[2]), new Vec3(e[0], e[1], 0)),
                    new Vec3(e[3], e[4], 0)));
        }
    }

    static String logId(Preset preset, long seed) {
        return "synth-" + preset.name() + "-" + Long.toUnsignedString(seed);
    }

    private static Map<String, String> tags(Preset preset, long seed, long durationNs, SynthOptions o,
            List<SynthEvent> events) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("synth.preset", preset.name());
        tags.put("synth.preset_sha256", sha256(Presets.toJson(preset)));
        tags.put("synth.seed", Long.toString(seed));
        tags.put("synth.tool_version", ToolVersion.current());
        tags.put("synth.duration_ns", Long.toString(durationNs));
        tags.put("synth.lidar_rate_hz", Double.toString(o.lidarRateHz()));
        tags.put("synth.camera_rate_hz", Double.toString(o.cameraRateHz()));
        tags.put("synth.daylight", Double.toString(preset.environment().daylight()));
        tags.put("synth.rain", Double.toString(preset.environment().rain()));
        tags.put(SynthEvent.TAG, SynthEvent.toJson(events));
        return tags;
    }

    /** Events that really happened within the log. */
    static List<SynthEvent> events(World world, long durationNs) {
        List<SynthEvent> out = new ArrayList<>();
        double half = world.road.halfRoadM();
        Timeline tl = world.timeline;
        long lastStep = durationNs / Timeline.STEP_NS;
        for (int a = 1; a < world.agents.size(); a++) {
            Agent ag = world.agents.get(a);
            if (ag.role == Agent.Role.CROSSER) {
                long first = -1;
                long last = -1;
                for (int k = 0; k <= lastStep && k < tl.steps; k++) {
                    if (Math.abs(tl.y[a][k]) < half) {
                        first = first < 0 ? k : first;
                        last = k;
                    }
                }
                if (first >= 0) {
                    out.add(new SynthEvent(SynthEvent.PEDESTRIAN_CROSSING, ag.trackId, T0_NS + first * Timeline.STEP_NS,
                            T0_NS + last * Timeline.STEP_NS));
                }
            } else if (ag.role == Agent.Role.CUT_IN && !Double.isNaN(ag.startedS)) {
                long s = Math.round(ag.startedS * 1e9);
                if (s <= durationNs) {
                    long e = Math.min(durationNs, s + Math.round(ag.manoeuvreS * 1e9));
                    out.add(new SynthEvent(SynthEvent.CUT_IN, ag.trackId, T0_NS + s, T0_NS + e));
                }
            }
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
