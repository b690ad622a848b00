package io.avreplay.perception.run;

import io.avreplay.replay.log.SampleToken;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoMetricData;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.eval.tracking.TrackingMetricData;
import io.avreplay.perception.api.Detector;
import io.avreplay.replay.arrow.Checksums;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The main job: for each log, ONE open reader feeds the {@link DetectionLoop} (detection), each result goes
 * through the {@link TrackingStep} (tracks; their velocity goes into the detections) to the log's
 * {@link LogScore} (scoring, accumulated per log and merged, so a multi-log run equals evaluating
 * everything at once) and to the {@link DetectionSink} (outputs), and the run ends by writing the
 * detections and metrics under an output directory. The output does not depend on timing. Detectors are
 * borrowed (the caller closes them); a pipeline is not thread-safe.
 */
public final class RunPipeline {
    private final Detector lidar;
    private final Optional<Detector> camera;
    private final RunOptions options;
    private final BufferAllocator allocator;
    private final Consumer<String> progress;
    private final Checksums checksums;

    /**
     * @param lidar     the lidar detector (borrowed)
     * @param camera    the camera detector, if any (borrowed)
     * @param options   how the loop runs
     * @param allocator parent allocator (borrowed)
     * @param progress  hears one line per 50 sweeps and per log
     * @param checksums whether logs are verified against their manifest when opened
     */
    public RunPipeline(Detector lidar, Optional<Detector> camera, RunOptions options, BufferAllocator allocator,
            Consumer<String> progress, Checksums checksums) {
        this.lidar = lidar;
        this.camera = camera;
        this.options = options;
        this.allocator = allocator;
        this.progress = progress;
        this.checksums = checksums;
    }

    /** A pipeline that verifies every log's checksums when opening it. */
    public RunPipeline(Detector lidar, Optional<Detector> camera, RunOptions options, BufferAllocator allocator,
            Consumer<String> progress) {
        this(lidar, camera, options, allocator, progress, Checksums.VERIFY);
    }

    /** What a run's output directory is, for {@link OutputPublisher}: {@code --overwrite} replaces only one. */
    public static final OutputKind OUTPUT_KIND = OutputKind.directory("run-output");

    /**
     * Runs every log and publishes the results as the directory {@code outDir}: everything is written into
     * a fresh temporary directory beside it and renamed into place at the end, so a failed run leaves no
     * partial output (and no temporary) behind. Paths in the result and in {@code metrics.json} name the
     * published files.
     *
     * @param overwrite replace an earlier run output at {@code outDir} (never anything else)
     * @throws io.avreplay.error.InvalidConfigException before any work when {@code outDir} exists and may not
     *         be replaced
     * @throws BadInputException when a log is unreadable or has no lidar or no 3D ground truth
     */
    public RunResult run(List<Path> logs, Path outDir, boolean overwrite) {
        return publish(logs.stream().map(Path::toString).toList(), outDir, overwrite, body -> {
            for (Path log : logs) {
                try (LogReader reader = LogReader.open(log, allocator, checksums)) {
                    body.accept(reader);
                }
            }
        });
    }

    /**
     * As {@link #run(List, Path, boolean)} over logs the caller has open (borrowed, left open; the
     * pipeline's {@code checksums} setting does not apply to them): several models run over the same logs
     * (e.g. {@code avreplay compare}) open each log once.
     */
    public RunResult runOpen(List<LogReader> logs, Path outDir, boolean overwrite) {
        return publish(logs.stream().map(r -> r.directory().toString()).toList(), outDir, overwrite, logs::forEach);
    }

    /** Runs {@code eachLog}'s logs into a temporary directory and publishes it as {@code outDir}. */
    private RunResult publish(List<String> inputs, Path outDir, boolean overwrite,
            Consumer<Consumer<LogReader>> eachLog) {
        OutputPublisher publisher = OutputPublisher.to(outDir, OUTPUT_KIND, overwrite);
        Path temp = publisher.begin();
        try {
            RunResult r = runInto(inputs, eachLog, 0, temp, publisher.destination()).result();
            publisher.commit();
            return r;
        } finally {
            publisher.abort();
        }
    }

    /**
     * Runs one log as the log of ordinal {@code logOrdinal} of a larger run, for distributed runners: writes
     * into {@code outDir} (created when missing; the caller publishes it) the outputs and {@code metrics.json}
     * that {@link #run} writes for that log alone, its COCO image ids numbered as {@link #run} numbers the
     * log's at that place, and returns its mergeable data. The data of every log, merged in ordinal order
     * ({@link RunData#merge}) and scored ({@link #score}), give exactly {@link #run}'s metrics over the logs.
     *
     * @param logOrdinal the log's 0-based position in the whole run
     * @throws BadInputException when the log is unreadable or has no lidar or no 3D ground truth
     */
    public RunData runLog(Path log, int logOrdinal, Path outDir) {
        if (logOrdinal < 0) {
            throw new IllegalArgumentException("logOrdinal must be >= 0, got " + logOrdinal);
        }
        try {
            java.nio.file.Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create output directory " + outDir + ": " + e.getMessage(), e);
        }
        Consumer<Consumer<LogReader>> one = body -> {
            try (LogReader reader = LogReader.open(log, allocator, checksums)) {
                body.accept(reader);
            }
        };
        return runInto(List.of(log.toString()), one, logOrdinal, outDir, outDir).data();
    }

    /**
     * Scores the merged data of a run's logs exactly as {@link #run} scores them.
     *
     * @param inputs      the logs as given, recorded in the evaluators' provenance
     * @param wallSeconds the run's wall time, s
     * @param outputs     the files written, by role
     */
    public static RunResult score(RunData data, List<String> inputs, double wallSeconds, Map<String, Path> outputs) {
        NuScenesResult lidarResult = new NuScenesEvaluator(NuScenesConfig.cvpr2019()).score(data.lidar(),
                new EvalProvenance("nuscenes", "detection_cvpr_2019", inputs, ToolVersion.current()));
        Optional<CocoResult> cameraResult = data.cameraData().map(c -> new CocoEvaluator().score(c,
                new EvalProvenance("coco", "bbox", inputs, ToolVersion.current())));
        RunData.Counts n = data.counts();
        Timing timing = new Timing(n.sweeps(), n.cameraFrames(),
                n.sweeps() == 0 ? Double.NaN : n.lidarNs() / 1e6 / n.sweeps(),
                n.cameraFrames() == 0 ? Double.NaN : n.cameraNs() / 1e6 / n.cameraFrames(), n.logNs() / 1e9, wallSeconds);
        return new RunResult(lidarResult, cameraResult, timing, outputs, data.provenance(),
                TrackingStep.score(data.tracking(), inputs));
    }

    /** A run's result and the data it was scored from. */
    private record Done(RunResult result, RunData data) {
    }

    private Done runInto(List<String> inputs, Consumer<Consumer<LogReader>> eachLog, int firstOrdinal, Path temp,
            Path destination) {
        // Lidar (this thread) and camera (the loop's camera thread) run at once, one core each.
        int previousThreads = camera.isPresent() ? io.avreplay.perception.Detectors.setNativeThreadsPerCall(1) : -1;
        try (DetectionLoop loop = new DetectionLoop(lidar, camera, options, allocator)) {
            return runAll(loop, inputs, eachLog, firstOrdinal, temp, destination);
        } finally {
            if (previousThreads > 0) {
                io.avreplay.perception.Detectors.setNativeThreadsPerCall(previousThreads);
            }
        }
    }

    private Done runAll(DetectionLoop loop, List<String> inputs, Consumer<Consumer<LogReader>> eachLog,
            int firstOrdinal, Path temp, Path destination) {
        long t0 = System.nanoTime();
        List<String> categories = camera.map(c -> c.card().classes()).orElse(List.of());
        DetectionSink sink = new DetectionSink(categories, firstOrdinal);
        TrackingStep tracking = new TrackingStep(io.avreplay.perception.track.TrackerParams.defaults(),
                io.avreplay.eval.tracking.TrackingConfig.nips2019());
        List<RunData> perLog = new ArrayList<>();
        eachLog.accept(reader -> perLog.add(runOne(loop, reader, sink, tracking, categories)));
        RunData data = perLog.stream().reduce(RunData::merge)
                .orElseThrow(() -> new BadInputException("no logs to run"));
        Map<String, Path> outputs = new LinkedHashMap<>();
        sink.write(temp, allocator).forEach((k, v) -> outputs.put(k, destination.resolve(temp.relativize(v))));
        double wall = (System.nanoTime() - t0) / 1e9;
        Path submission = tracking.writeSubmission(temp);
        outputs.put("tracking_submission", destination.resolve(temp.relativize(submission)));
        outputs.put("metrics", destination.resolve(RunJson.FILE_NAME));
        RunResult result = score(data, inputs, wall, outputs);
        RunJson.write(result, temp);
        return new Done(result, data);
    }

    /** Detects, tracks and scores one open log; returns its data (its outputs go to {@code sink} and {@code tracking}). */
    private RunData runOne(DetectionLoop loop, LogReader reader, DetectionSink sink, TrackingStep tracking,
            List<String> categories) {
        if (reader.annotations3d().isEmpty()) {
            throw new BadInputException(reader.directory() + ": the log has no 3D ground truth (annotations.arrow)");
        }
        DetectionLoop.Totals n = loop.totals();
        RunData.Counts before = new RunData.Counts(n.sweeps(), n.cameraFrames(), n.lidarNs(), n.cameraNs(), 0);
        LogScore score = new LogScore(categories);
        long[] span = {0, 0, 0};
        loop.run(reader, listener(reader, score, sink, n, span, tracking));
        TrackingMetricData tracked = tracking.endLog(reader);
        RunProvenance.LogRange range = new RunProvenance.LogRange(reader.manifest().logId(), span[0], span[1],
                (int) span[2]);
        NuScenesMetricData lidarData = score.nuScenes(new NuScenesEvaluator(NuScenesConfig.cvpr2019()));
        List<CocoMetricData> cameraData = camera.isPresent() ? List.of(score.coco()) : List.of();
        RunData.Counts counts = new RunData.Counts(n.sweeps() - before.sweeps(),
                n.cameraFrames() - before.cameraFrames(), n.lidarNs() - before.lidarNs(),
                n.cameraNs() - before.cameraNs(), reader.manifest().durationNs());
        RunProvenance provenance = new RunProvenance(List.of(range), models(), config(), ToolVersion.current());
        return new RunData(provenance, lidarData, cameraData, tracked, counts);
    }

    /** The run's detectors, for its provenance. */
    private List<RunProvenance.ModelRef> models() {
        List<RunProvenance.ModelRef> models = new ArrayList<>();
        models.add(RunProvenance.ModelRef.of("lidar", lidar.card()));
        camera.ifPresent(c -> models.add(RunProvenance.ModelRef.of("camera", c.card())));
        return models;
    }

    /** The run's settings, for its provenance. */
    private Map<String, String> config() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("nuscenes_config", NuScenesConfig.cvpr2019().name());
        c.put("coco_config", camera.isPresent() ? "bbox" : "");
        c.put("camera_rate", options.cameraRate().name().toLowerCase(java.util.Locale.ROOT));
        c.put("camera", options.cameraId());
        c.put("lidar_batch", Integer.toString(options.lidarBatch()));
        c.put("checksums", checksums.name().toLowerCase(java.util.Locale.ROOT));
        return c;
    }

    /**
     * Sends each loop result to the log's score and to the sink, reporting progress every 50 sweeps;
     * {@code span} receives the first and last sweep time and the sweep count.
     */
    private DetectionLoop.Listener listener(LogReader reader, LogScore score, DetectionSink sink,
            DetectionLoop.Totals totals, long[] span, TrackingStep tracking) {
        String logId = reader.manifest().logId();
        return new DetectionLoop.Listener() {
            @Override
            public void sweep(DetectionLoop.SweepResult detected) {
                String token = SampleToken.of(reader.manifest(), detected.timestampNs()).value();
                // The lidar model predicts no velocity: the tracker estimates it, and scores and outputs carry it.
                DetectionLoop.SweepResult r = new DetectionLoop.SweepResult(detected.frameSet(), detected.egoToWorld(),
                        tracking.addFrame(logId, token, detected.timestampNs(), detected.egoToWorld(),
                                detected.detections()));
                score.sweep(token, r);
                span[0] = span[2] == 0 ? r.timestampNs() : span[0];
                span[1] = r.timestampNs();
                span[2]++;
                sink.add3d(logId, token, r.timestampNs(), r.egoToWorld(), r.detections());
                if (totals.sweeps() % 50 == 0) {
                    progress.accept(String.format("%s: %d sweeps, %d camera frames", logId, totals.sweeps(),
                            totals.cameraFrames()));
                }
            }

            @Override
            public void image(DetectionLoop.ImageResult r) {
                long imageId = sink.addImage(logId, r.frameIndex(), r.frame());
                for (CocoAnnotation a : score.image(imageId, r, sink::nextAnnotationId)) {
                    sink.addTruth2d(a);
                }
                sink.add2d(logId, imageId, r.frame().timestampNs(), r.detections());
            }
        };
    }
}
