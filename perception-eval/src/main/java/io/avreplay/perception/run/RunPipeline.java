package io.avreplay.perception.run;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.eval.coco.CocoDetection;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoGroundTruth;
import io.avreplay.eval.coco.CocoMetricData;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.log.LogGroundTruth;
import io.avreplay.eval.log.WorldFrame;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.CocoNumbering;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Replays logs as frame sets synced on the first lidar, runs the detectors (lidar sweeps in batches,
 * the synced front-camera frame, or every camera frame), scores the detections against each log's
 * ground truth with the nuScenes and COCO evaluators (accumulated per log and merged, so a multi-log
 * run equals evaluating everything at once) and writes the detections and metrics under an output
 * directory. Decoding runs on the replay's read-ahead thread and camera inference on a camera thread,
 * both overlapped with lidar inference on the caller's thread; results are recorded in frame order, so
 * the output does not depend on timing. Detectors are borrowed (the caller closes them; each is used by
 * one thread only); a pipeline is not thread-safe.
 */
public final class RunPipeline {
    private final Detector lidar;
    private final Optional<Detector> camera;
    private final RunOptions options;
    private final BufferAllocator allocator;
    private final Consumer<String> progress;
    /** Camera frames queued for or held by the camera thread at most (bounds memory on long logs). */
    private static final int CAMERA_IN_FLIGHT = 8;
    /** Runs the camera detector (which is used by this thread only) beside lidar inference; per run. */
    private ExecutorService cameraThread;
    /** Tracks the lidar detections and scores the tracks; per run. */
    private TrackingStep tracking;

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
        cameraThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "avreplay-camera-detector");
            t.setDaemon(true);
            return t;
        });
        // Lidar (this thread) and camera (camera thread) run at once, one core each.
        int previousThreads = camera.isPresent() ? io.avreplay.perception.Detectors.setNativeThreadsPerCall(1) : -1;
        try {
            return runAll(logs, outDir);
        } finally {
            cameraThread.shutdownNow();
            if (previousThreads > 0) {
                io.avreplay.perception.Detectors.setNativeThreadsPerCall(previousThreads);
            }
        }
    }

    private RunResult runAll(List<Path> logs, Path outDir) {
        long t0 = System.nanoTime();
        NuScenesEvaluator nus = new NuScenesEvaluator(NuScenesConfig.cvpr2019());
        List<String> categories = camera.map(c -> c.card().classes()).orElse(List.of());
        DetectionSink sink = new DetectionSink(categories);
        NuScenesMetricData nusData = null;
        CocoMetricData cocoData = null;
        Counters n = new Counters();
        List<String> logIds = new ArrayList<>();
        tracking = new TrackingStep(io.avreplay.perception.track.TrackerParams.defaults(),
                io.avreplay.eval.tracking.TrackingConfig.nips2019());
        for (Path log : logs) {
            try (LogReader reader = LogReader.open(log, allocator)) {
                logIds.add(reader.manifest().logId());
                n.logNs += reader.manifest().durationNs();
                LogOutcome o = runLog(reader, sink, n);
                NuScenesMetricData d = nus.accumulate(LogGroundTruth.read(reader).groundTruth(), o.predictions3d);
                nusData = nusData == null ? d : NuScenesMetricData.merge(nusData, d);
                tracking.endLog(reader);
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
        TrackingStep.Outcome tracked = tracking.finish(outDir, inputs);
        outputs = new LinkedHashMap<>(outputs);
        outputs.put("tracking_submission", tracked.submission());
        RunResult result = new RunResult(logIds, lidarResult, cameraResult, timing, outputs, models, tracked.result());
        outputs.put("metrics", RunJson.write(result, outDir));
        return new RunResult(logIds, lidarResult, cameraResult, timing, outputs, models, tracked.result());
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
    private record LogOutcome(List<InSample<Detection3d>> predictions3d,
            List<CocoDetection> predictions2d, List<Long> imageIds, List<CocoAnnotation> annotations) {
        CocoGroundTruth cocoTruth(List<String> categories) {
            Map<Long, String> cats = new LinkedHashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                cats.put(CocoNumbering.categoryId(categories, i), categories.get(i));
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
        List<CameraWork> pending = new ArrayList<>();
        try (Replay replay = Replay.builder(allocator).log(reader.directory()).sensors(sensors).groundTruth(true).build();
             ReplayIterator<io.avreplay.replay.sync.FrameSet> sets = replay.frameSets(SyncOptions.defaults().withReference(lidarId))) {
            while (sets.hasNext()) {
                io.avreplay.replay.sync.FrameSet set = sets.next();
                batch.add((LidarSweep) set.frame());
                if (batch.size() == options.lidarBatch()) {
                    detectLidar(batch, reader, calibrations, sink, out, n);
                }
                for (CameraMatch m : set.cameras()) {
                    submitCamera(m.ref().index(), m.frame(), m.groundTruth2d(), calibrations, pending);
                }
                drainCamera(pending, CAMERA_IN_FLIGHT, logId, sink, out, n);
                if (n.sweeps % 50 == 0 && n.sweeps > 0) {
                    progress.accept(String.format("%s: %d sweeps, %d camera frames", logId, n.sweeps, n.cameraFrames));
                }
            }
            detectLidar(batch, reader, calibrations, sink, out, n);
        }
        drainCamera(pending, logId, sink, out, n);
        if (cameraId.isPresent() && options.cameraRate() == RunOptions.CameraRate.FULL) {
            var frames = reader.camera(cameraId.get());
            var gt2d = reader.annotations2d(cameraId.get());
            for (int i = 0; i < frames.size(); i++) {
                CameraFrame f = frames.read(i);
                List<GroundTruth2d> truth = List.of();
                if (gt2d.isPresent()) {
                    int k = gt2d.get().ceilIndex(f.timestampNs());
                    if (k < gt2d.get().size() && gt2d.get().timestampNs(k) == f.timestampNs()) {
                        truth = gt2d.get().read(k).boxes();
                    }
                }
                submitCamera(i, f, truth, calibrations, pending);
                drainCamera(pending, CAMERA_IN_FLIGHT, logId, sink, out, n);
            }
            drainCamera(pending, logId, sink, out, n);
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
            // The lidar model predicts no velocity: the tracker estimates it, and the outputs carry it.
            List<Detection3d> objects = tracking.addFrame(reader.manifest().logId(), token, ts, egoToWorld, d.objects3d());
            sink.add3d(reader.manifest().logId(), token, ts, egoToWorld, objects);
            for (Detection3d o : objects) {
                CategoryTable.standard().nuScenesClass(o.category()).ifPresent(cls -> out.predictions3d.add(
                        new InSample<>(token, WorldFrame.toWorld(o, egoToWorld).withCategory(cls))));
            }
        }
        batch.clear();
    }

    /** A camera frame detected on the camera thread, waiting to be recorded in order. */
    private record CameraWork(int frameIndex, CameraFrame frame, List<GroundTruth2d> truth, Future<Detections> detections,
            long[] nanos) {
    }

    /**
     * Hands a camera frame to the camera thread, so camera inference overlaps lidar inference on the
     * other core; the result is recorded later, in submission order, by {@link #drainCamera}.
     */
    private void submitCamera(int frameIndex, CameraFrame frame, List<GroundTruth2d> truth, Map<String, SensorCalibration> calibrations,
            List<CameraWork> pending) {
        Detector cam = camera.orElseThrow();
        long[] nanos = new long[1];
        FrameSet set = FrameSet.of(frame, calibrations.get(frame.sensorId()));
        pending.add(new CameraWork(frameIndex, frame, truth, cameraThread.submit(() -> {
            long t = System.nanoTime();
            Detections d = cam.detect(set);
            nanos[0] = System.nanoTime() - t;
            return d;
        }), nanos));
    }

    private void drainCamera(List<CameraWork> pending, String logId, DetectionSink sink, LogOutcome out, Counters n) {
        drainCamera(pending, 0, logId, sink, out, n);
    }

    /** Records the oldest pending camera results until at most {@code keep} remain (bounded memory). */
    private void drainCamera(List<CameraWork> pending, int keep, String logId, DetectionSink sink, LogOutcome out,
            Counters n) {
        while (pending.size() > keep) {
            CameraWork w = pending.remove(0);
            Detections d;
            try {
                d = w.detections().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for camera detections", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("camera detector failed: " + e.getCause(), e.getCause());
            }
            n.cameraNs += w.nanos()[0];
            recordCamera(w.frameIndex(), w.frame(), w.truth(), d, logId, sink, out, n);
        }
    }

    private void recordCamera(int frameIndex, CameraFrame frame, List<GroundTruth2d> truth, Detections d, String logId,
            DetectionSink sink, LogOutcome out, Counters n) {
        n.cameraFrames++;
        long imageId = sink.addImage(logId, frameIndex, frame);
        out.imageIds.add(imageId);
        for (GroundTruth2d a : truth) {
            CocoAnnotation.of(sink.nextAnnotationId(), imageId, a.box(), a.category(),
                    sink.categories()).ifPresent(ann -> {
                out.annotations.add(ann);
                sink.addTruth2d(ann);
            });
        }
        for (Detection2d o : d.objects2d()) {
            CocoDetection.of(imageId, o, sink.categories()).ifPresent(out.predictions2d::add);
        }
        sink.add2d(logId, imageId, frame.timestampNs(), d.objects2d());
    }
}
