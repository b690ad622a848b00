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
            RunResult r = runInto(inputs, eachLog, temp, publisher.destination());
            publisher.commit();
            return r;
        } finally {
            publisher.abort();
        }
    }

    private RunResult runInto(List<String> inputs, Consumer<Consumer<LogReader>> eachLog, Path temp, Path destination) {
        // Lidar (this thread) and camera (the loop's camera thread) run at once, one core each.
        int previousThreads = camera.isPresent() ? io.avreplay.perception.Detectors.setNativeThreadsPerCall(1) : -1;
        try (DetectionLoop loop = new DetectionLoop(lidar, camera, options, allocator)) {
            return runAll(loop, inputs, eachLog, temp, destination);
        } finally {
            if (previousThreads > 0) {
                io.avreplay.perception.Detectors.setNativeThreadsPerCall(previousThreads);
            }
        }
    }

    private RunResult runAll(DetectionLoop loop, List<String> inputs, Consumer<Consumer<LogReader>> eachLog, Path temp,
            Path destination) {
        long t0 = System.nanoTime();
        NuScenesEvaluator nus = new NuScenesEvaluator(NuScenesConfig.cvpr2019());
        List<String> categories = camera.map(c -> c.card().classes()).orElse(List.of());
        DetectionSink sink = new DetectionSink(categories);
        Merged merged = new Merged();
        TrackingStep tracking = new TrackingStep(io.avreplay.perception.track.TrackerParams.defaults(),
                io.avreplay.eval.tracking.TrackingConfig.nips2019());
        eachLog.accept(reader -> runLog(loop, reader, nus, categories, sink, tracking, merged));
        NuScenesMetricData nusData = merged.nuScenes;
        CocoMetricData cocoData = merged.coco;
        long logNs = merged.logNs;
        List<RunProvenance.LogRange> ranges = merged.ranges;
        if (nusData == null) {
            throw new BadInputException("no logs to run");
        }
        NuScenesResult lidarResult = nus.score(nusData, new EvalProvenance("nuscenes", "detection_cvpr_2019",
                inputs, ToolVersion.current()));
        Optional<CocoResult> cameraResult = cocoData == null ? Optional.empty()
                : Optional.of(new CocoEvaluator().score(cocoData, new EvalProvenance("coco", "bbox", inputs,
                        ToolVersion.current())));
        Map<String, Path> outputs = new LinkedHashMap<>();
        sink.write(temp, allocator).forEach((k, v) -> outputs.put(k, destination.resolve(temp.relativize(v))));
        List<RunProvenance.ModelRef> models = new ArrayList<>();
        models.add(RunProvenance.ModelRef.of("lidar", lidar.card()));
        camera.ifPresent(c -> models.add(RunProvenance.ModelRef.of("camera", c.card())));
        RunProvenance provenance = new RunProvenance(ranges, models, config(), ToolVersion.current());
        double wall = (System.nanoTime() - t0) / 1e9;
        DetectionLoop.Totals n = loop.totals();
        Timing timing = new Timing(n.sweeps(), n.cameraFrames(),
                n.sweeps() == 0 ? Double.NaN : n.lidarNs() / 1e6 / n.sweeps(),
                n.cameraFrames() == 0 ? Double.NaN : n.cameraNs() / 1e6 / n.cameraFrames(), logNs / 1e9, wall);
        TrackingStep.Outcome tracked = tracking.finish(temp, inputs);
        outputs.put("tracking_submission", destination.resolve(temp.relativize(tracked.submission())));
        outputs.put("metrics", destination.resolve(RunJson.FILE_NAME));
        RunResult result = new RunResult(lidarResult, cameraResult, timing, outputs, provenance, tracked.result());
        RunJson.write(result, temp);
        return result;
    }

    /** The scores and spans of the logs run so far, merged (a multi-log run equals one evaluation). */
    private static final class Merged {
        NuScenesMetricData nuScenes;
        CocoMetricData coco;
        long logNs;
        final List<RunProvenance.LogRange> ranges = new ArrayList<>();
    }

    /** Detects, tracks and scores one open log, merging its scores into {@code merged}. */
    private void runLog(DetectionLoop loop, LogReader reader, NuScenesEvaluator nus, List<String> categories,
            DetectionSink sink, TrackingStep tracking, Merged merged) {
        if (reader.annotations3d().isEmpty()) {
            throw new BadInputException(reader.directory() + ": the log has no 3D ground truth (annotations.arrow)");
        }
        merged.logNs += reader.manifest().durationNs();
        LogScore score = new LogScore(categories);
        long[] span = {0, 0, 0};
        loop.run(reader, listener(reader, score, sink, loop.totals(), span, tracking));
        tracking.endLog(reader);
        merged.ranges.add(new RunProvenance.LogRange(reader.manifest().logId(), span[0], span[1], (int) span[2]));
        NuScenesMetricData d = score.nuScenes(nus);
        merged.nuScenes = merged.nuScenes == null ? d : NuScenesMetricData.merge(merged.nuScenes, d);
        if (camera.isPresent()) {
            CocoMetricData c = score.coco();
            merged.coco = merged.coco == null ? c : CocoMetricData.merge(merged.coco, c);
        }
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
