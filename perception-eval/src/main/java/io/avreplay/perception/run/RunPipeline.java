package io.avreplay.perception.run;

import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoDetection;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoGroundTruth;
import io.avreplay.eval.coco.CocoMetricData;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.log.LogGroundTruth;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detection2d;
import io.avreplay.perception.api.Detection3d;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.log.Annotation2d;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.play.Replay;
import io.avreplay.replay.play.ReplayIterator;
import io.avreplay.replay.sync.CameraMatch;
import io.avreplay.replay.sync.SyncOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Replays logs as frame sets synced on the first lidar, runs the detectors (lidar sweeps in batches,
 * the synced front-camera frame, or every camera frame), scores the detections against each log's
 * ground truth with the nuScenes and COCO evaluators (accumulated per log and merged, so a multi-log
 * run equals evaluating everything at once) and writes the detections and metrics under an output
 * directory. Decoding runs on the replay's read-ahead thread, overlapped with inference. Detectors are
 * borrowed (the caller closes them); not thread-safe.
 */
public final class RunPipeline {
    private final Detector lidar;
    private final Optional<Detector> camera;
    private final RunOptions options;
    private final BufferAllocator allocator;
    private final Consumer<String> progress;

    public RunPipeline(Detector lidar, Optional<Detector> camera, RunOptions options, BufferAllocator allocator,
            Consumer<String> progress) {
        this.lidar = lidar;
        this.camera = camera;
        this.options = options;
        this.allocator = allocator;
        this.progress = progress;
    }

    /**
     * Runs every log and writes results under {@code outDir} (created if needed).
     *
     * @throws BadInputException when a log is unreadable or has no lidar
     */
    public RunResult run(List<Path> logs, Path outDir) {
        long t0 = System.nanoTime();
        NuScenesEvaluator nus = new NuScenesEvaluator(NuScenesConfig.cvpr2019());
        List<String> categories = camera.map(c -> c.card().classes()).orElse(List.of());
        DetectionSink sink = new DetectionSink(categories);
        NuScenesMetricData nusData = null;
        CocoMetricData cocoData = null;
        Counters n = new Counters();
        List<String> logIds = new ArrayList<>();
        for (Path log : logs) {
            try (LogReader reader = LogReader.open(log, allocator)) {
                logIds.add(reader.manifest().logId());
                n.logNs += reader.manifest().durationNs();
                LogOutcome o = runLog(reader, sink, n);
                NuScenesMetricData d = nus.accumulate(LogGroundTruth.read(reader).groundTruth(), o.predictions3d);
                nusData = nusData == null ? d : NuScenesMetricData.merge(nusData, d);
                if (camera.isPresent()) {
                    CocoMetricData c = new CocoEvaluator().accumulate(o.cocoTruth(categories), o.predictions2d);
                    cocoData = cocoData == null ? c : CocoMetricData.merge(cocoData, c);
                }
            }
        }
        if (nusData == null) {
            throw new BadInputException("no logs to run");
        }
        List<String> inputs = logs.stream().map(Path::toString).toList();
        NuScenesResult lidarResult = nus.score(nusData, new EvalProvenance("nuscenes", "detection_cvpr_2019",
                inputs, ToolVersion.current()));
        Optional<CocoResult> cameraResult = cocoData == null ? Optional.empty()
                : Optional.of(new CocoEvaluator().score(cocoData, new EvalProvenance("coco", "bbox", inputs,
                        ToolVersion.current())));
        Map<String, Path> outputs = sink.write(outDir, allocator);
        Map<String, String> models = new LinkedHashMap<>();
        models.put("lidar", lidar.card().name());
        camera.ifPresent(c -> models.put("camera", c.card().name()));
        double wall = (System.nanoTime() - t0) / 1e9;
        Timing timing = new Timing(n.sweeps, n.cameraFrames, n.sweeps == 0 ? Double.NaN : n.lidarNs / 1e6 / n.sweeps,
                n.cameraFrames == 0 ? Double.NaN : n.cameraNs / 1e6 / n.cameraFrames, n.logNs / 1e9, wall);
        RunResult result = new RunResult(logIds, lidarResult, cameraResult, timing, outputs, models);
        outputs = new LinkedHashMap<>(outputs);
        outputs.put("metrics", RunJson.write(result, outDir));
        return new RunResult(logIds, lidarResult, cameraResult, timing, outputs, models);
    }

    /** Mutable totals of a run. */
    private static final class Counters {
        int sweeps;
        int cameraFrames;
        long lidarNs;
        long cameraNs;
        long logNs;
    }

    /** What one log contributed: evaluator inputs and the 2D ground truth of the frames detected. */
    private record LogOutcome(List<io.avreplay.eval.detection.Detection3d> predictions3d,
            List<CocoDetection> predictions2d, List<Long> imageIds, List<CocoAnnotation> annotations) {
        CocoGroundTruth cocoTruth(List<String> categories) {
            Map<Long, String> cats = new LinkedHashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                cats.put(i + 1L, categories.get(i));
            }
            return new CocoGroundTruth(imageIds, cats, annotations);
        }
    }

    private LogOutcome runLog(LogReader reader, DetectionSink sink, Counters n) {
        String lidarId = reader.lidarIds().stream().findFirst().orElseThrow(() ->
                new BadInputException(reader.directory() + ": the log has no lidar stream to run the detector on"));
        Optional<String> cameraId = camera.isEmpty() ? Optional.empty()
                : options.cameraId().isEmpty() ? reader.cameraIds().stream().findFirst()
                        : Optional.of(options.cameraId());
        List<String> sensors = new ArrayList<>(List.of(lidarId));
        cameraId.filter(c -> options.cameraRate() == RunOptions.CameraRate.SYNCED).ifPresent(sensors::add);
        Map<String, SensorCalibration> calibrations = new LinkedHashMap<>();
        reader.calibrations().forEach(c -> calibrations.put(c.sensorId(), c));
        String logId = reader.manifest().logId();
        LogOutcome out = new LogOutcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<LidarSweep> batch = new ArrayList<>();
        try (Replay replay = Replay.builder(allocator).log(reader.directory()).sensors(sensors).groundTruth(true).build();
             ReplayIterator<io.avreplay.replay.sync.FrameSet> sets = replay.frameSets(SyncOptions.defaults().withReference(lidarId))) {
            while (sets.hasNext()) {
                io.avreplay.replay.sync.FrameSet set = sets.next();
                batch.add((LidarSweep) set.frame());
                if (batch.size() == options.lidarBatch()) {
                    detectLidar(batch, reader, calibrations, sink, out, n);
                }
                for (CameraMatch m : set.cameras()) {
                    detectCamera(m.frame(), m.groundTruth2d(), logId, calibrations, sink, out, n);
                }
                if (n.sweeps % 50 == 0 && n.sweeps > 0) {
                    progress.accept(String.format("%s: %d sweeps, %d camera frames", logId, n.sweeps, n.cameraFrames));
                }
            }
            detectLidar(batch, reader, calibrations, sink, out, n);
        }
        if (cameraId.isPresent() && options.cameraRate() == RunOptions.CameraRate.FULL) {
            var frames = reader.camera(cameraId.get());
            var gt2d = reader.annotations2d(cameraId.get());
            for (int i = 0; i < frames.size(); i++) {
                CameraFrame f = frames.read(i);
                List<Annotation2d> truth = List.of();
                if (gt2d.isPresent()) {
                    int k = gt2d.get().ceilIndex(f.timestampNs());
                    if (k < gt2d.get().size() && gt2d.get().timestampNs(k) == f.timestampNs()) {
                        truth = gt2d.get().read(k).boxes();
                    }
                }
                detectCamera(f, truth, logId, calibrations, sink, out, n);
            }
        }
        return out;
    }

    private void detectLidar(List<LidarSweep> batch, LogReader reader, Map<String, SensorCalibration> calibrations,
            DetectionSink sink, LogOutcome out, Counters n) {
        if (batch.isEmpty()) {
            return;
        }
        List<FrameSet> sets = batch.stream().map(s -> FrameSet.of(s, calibrations.get(s.sensorId()))).toList();
        long t = System.nanoTime();
        List<Detections> dets = lidar.detectAll(sets);
        n.lidarNs += System.nanoTime() - t;
        n.sweeps += batch.size();
        for (Detections d : dets) {
            long ts = d.timestampNs();
            String token = NuScenesSubmission.sampleToken(reader.manifest(), ts);
            var egoToWorld = reader.egoTrajectory().isEmpty() ? io.avreplay.replay.geometry.Pose.IDENTITY
                    : reader.egoTrajectory().at(ts).egoToWorld();
            sink.add3d(reader.manifest().logId(), token, ts, egoToWorld, d.objects3d());
            for (Detection3d o : d.objects3d()) {
                EvalConversions.toWorld(token, o, egoToWorld).ifPresent(out.predictions3d::add);
            }
        }
        batch.clear();
    }

    private void detectCamera(CameraFrame frame, List<Annotation2d> truth, String logId,
            Map<String, SensorCalibration> calibrations, DetectionSink sink, LogOutcome out, Counters n) {
        Detector cam = camera.orElseThrow();
        long t = System.nanoTime();
        Detections d = cam.detect(FrameSet.of(frame, calibrations.get(frame.sensorId())));
        n.cameraNs += System.nanoTime() - t;
        n.cameraFrames++;
        long imageId = sink.addImage(logId, frame);
        out.imageIds.add(imageId);
        for (Annotation2d a : truth) {
            EvalConversions.toCoco(sink.nextAnnotationId(), imageId, a, sink.categories()).ifPresent(ann -> {
                out.annotations.add(ann);
                sink.addTruth2d(ann);
            });
        }
        for (Detection2d o : d.objects2d()) {
            EvalConversions.toCoco(imageId, o, sink.categories()).ifPresent(out.predictions2d::add);
        }
        sink.add2d(logId, imageId, frame.timestampNs(), d.objects2d());
    }
}
