package io.avreplay.perception.run;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.play.Replay;
import io.avreplay.replay.play.ReplayIterator;
import io.avreplay.replay.sync.CameraMatch;
import io.avreplay.replay.sync.FrameSet;
import io.avreplay.replay.sync.SyncOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The one detection loop of the project: replays ONE open log as frame sets synced on its first lidar (each
 * carrying its sweep, the ego pose, the 3D ground truth at the sweep and the synced camera frame with its 2D
 * ground truth), runs the lidar detector on the sweeps in batches of {@link RunOptions#lidarBatch()} and the
 * camera detector on the synced camera frame (or, at {@link RunOptions.CameraRate#FULL}, on every frame of
 * the camera), and hands every result to a {@link Listener} in frame order. {@code avreplay run}
 * ({@link RunPipeline}) and {@code avreplay gate} ({@code scenario.ci.ModelDetectionResults}) both detect
 * through it; scoring and writing are the listener's business.
 *
 * <p>Threads: decoding runs on the replay's read-ahead thread and camera inference on the loop's camera
 * thread, both beside lidar inference on the caller's thread; listeners are called on the caller's thread,
 * lidar results in sweep order and camera results in submission order, so what they see does not depend on
 * timing. Ownership: the detectors, the allocator and the reader are borrowed; the loop owns its camera
 * thread, stopped by {@link #close()}. Not thread-safe.
 */
public final class DetectionLoop implements AutoCloseable {
    /** Camera frames queued for or held by the camera thread at most (bounds memory on long logs). */
    private static final int CAMERA_IN_FLIGHT = 8;

    private final Detector lidar;
    private final Optional<Detector> camera;
    private final RunOptions options;
    private final BufferAllocator allocator;
    private final Optional<ExecutorService> cameraThread;
    private final Totals totals = new Totals();

    /**
     * One detected sweep.
     *
     * @param frameSet   the replay's frame set of the sweep (sweep, ego pose, 3D ground truth in the ego frame)
     * @param egoToWorld the ego pose at the sweep ({@link Pose#IDENTITY} when the log has no poses)
     * @param detections the lidar detector's boxes, ego frame
     */
    public record SweepResult(FrameSet frameSet, Pose egoToWorld, List<Detection3d> detections) {
        public SweepResult {
            Objects.requireNonNull(frameSet, "frameSet");
            Objects.requireNonNull(egoToWorld, "egoToWorld");
            detections = List.copyOf(detections);
        }

        /** @return the sweep's time, ns */
        public long timestampNs() {
            return frameSet.timestampNs();
        }
    }

    /**
     * One detected camera frame.
     *
     * @param frameIndex  the frame's index in its camera stream, 0-based
     * @param frame       the image
     * @param groundTruth the frame's 2D ground truth, pixels (empty when none)
     * @param detections  the camera detector's boxes, pixels
     */
    public record ImageResult(int frameIndex, CameraFrame frame, List<GroundTruth2d> groundTruth,
            List<Detection2d> detections) {
        public ImageResult {
            Objects.requireNonNull(frame, "frame");
            if (frameIndex < 0) {
                throw new IllegalArgumentException("frameIndex must be >= 0, got " + frameIndex);
            }
            groundTruth = List.copyOf(groundTruth);
            detections = List.copyOf(detections);
        }
    }

    /** Hears the loop's results, on the caller's thread, in frame order. */
    public interface Listener {
        /** One detected sweep. */
        void sweep(SweepResult result);

        /** One detected camera frame (never called without a camera detector). */
        default void image(ImageResult result) {
        }
    }

    /** Work done so far by a loop, over every log it ran: counts and inference time, ns. Mutable. */
    public static final class Totals {
        private int sweeps;
        private int cameraFrames;
        private long lidarNs;
        private long cameraNs;

        /** @return sweeps detected */
        public int sweeps() {
            return sweeps;
        }

        /** @return camera frames detected */
        public int cameraFrames() {
            return cameraFrames;
        }

        /** @return time spent in the lidar detector, ns */
        public long lidarNs() {
            return lidarNs;
        }

        /** @return time spent in the camera detector, ns */
        public long cameraNs() {
            return cameraNs;
        }
    }

    /**
     * @param lidar     the lidar detector (borrowed; used by the caller's thread only)
     * @param camera    the camera detector, if any (borrowed; used by the loop's camera thread only)
     * @param options   batch size, camera and camera rate
     * @param allocator parent allocator of the replay (borrowed)
     */
    public DetectionLoop(Detector lidar, Optional<Detector> camera, RunOptions options, BufferAllocator allocator) {
        this.lidar = Objects.requireNonNull(lidar, "lidar");
        this.camera = Objects.requireNonNull(camera, "camera");
        this.options = Objects.requireNonNull(options, "options");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.cameraThread = camera.map(c -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "avreplay-camera-detector");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @return the work done so far */
    public Totals totals() {
        return totals;
    }

    /**
     * Detects over one log.
     *
     * @param reader   the open log (borrowed: the replay reads through it, nothing reopens the directory)
     * @param listener hears every result before this returns
     * @throws BadInputException when the log has no lidar, or a sensor detected has no calibration
     */
    public void run(LogReader reader, Listener listener) {
        String lidarId = reader.lidarIds().stream().findFirst().orElseThrow(() ->
                new BadInputException(reader.directory() + ": the log has no lidar stream to run the detector on"));
        Optional<String> cameraId = camera.isEmpty() ? Optional.empty()
                : options.cameraId().isEmpty() ? reader.cameraIds().stream().findFirst()
                        : Optional.of(options.cameraId());
        List<String> sensors = new ArrayList<>(List.of(lidarId));
        cameraId.filter(c -> options.cameraRate() == RunOptions.CameraRate.SYNCED).ifPresent(sensors::add);
        Map<String, SensorCalibration> calibrations = new LinkedHashMap<>();
        reader.calibrations().forEach(c -> calibrations.put(c.sensorId(), c));
        List<FrameSet> batch = new ArrayList<>();
        List<CameraWork> pending = new ArrayList<>();
        try (Replay replay = Replay.builder(allocator).log(reader).sensors(sensors).groundTruth(true).build();
             ReplayIterator<FrameSet> sets = replay.frameSets(SyncOptions.defaults().withReference(lidarId))) {
            while (sets.hasNext()) {
                FrameSet set = sets.next();
                batch.add(set);
                if (batch.size() == options.lidarBatch()) {
                    detectLidar(batch, reader, calibrations, listener);
                }
                for (CameraMatch m : set.cameras()) {
                    submitCamera(m.ref().index(), m.frame(), m.groundTruth2d(), reader, calibrations, pending);
                }
                drainCamera(pending, CAMERA_IN_FLIGHT, listener);
            }
            detectLidar(batch, reader, calibrations, listener);
        }
        drainCamera(pending, 0, listener);
        if (cameraId.isPresent() && options.cameraRate() == RunOptions.CameraRate.FULL) {
            detectEveryFrame(reader, cameraId.get(), calibrations, pending, listener);
        }
    }

    private void detectEveryFrame(LogReader reader, String cameraId, Map<String, SensorCalibration> calibrations,
            List<CameraWork> pending, Listener listener) {
        var frames = reader.camera(cameraId);
        var gt2d = reader.annotations2d(cameraId);
        for (int i = 0; i < frames.size(); i++) {
            CameraFrame f = frames.read(i);
            List<GroundTruth2d> truth = List.of();
            if (gt2d.isPresent()) {
                int k = gt2d.get().ceilIndex(f.timestampNs());
                if (k < gt2d.get().size() && gt2d.get().timestampNs(k) == f.timestampNs()) {
                    truth = gt2d.get().read(k).boxes();
                }
            }
            submitCamera(i, f, truth, reader, calibrations, pending);
            drainCamera(pending, CAMERA_IN_FLIGHT, listener);
        }
        drainCamera(pending, 0, listener);
    }

    private void detectLidar(List<FrameSet> batch, LogReader reader, Map<String, SensorCalibration> calibrations,
            Listener listener) {
        if (batch.isEmpty()) {
            return;
        }
        List<io.avreplay.perception.api.FrameSet> sets = new ArrayList<>();
        for (FrameSet s : batch) {
            LidarSweep sweep = (LidarSweep) s.frame();
            sets.add(io.avreplay.perception.api.FrameSet.of(sweep, calibration(reader, calibrations, sweep.sensorId()))
                    .withEgoPose(s.egoPose()));
        }
        long t = System.nanoTime();
        List<Detections> dets = lidar.detectAll(sets);
        totals.lidarNs += System.nanoTime() - t;
        totals.sweeps += batch.size();
        for (int i = 0; i < batch.size(); i++) {
            FrameSet s = batch.get(i);
            Pose egoToWorld = s.egoPose().map(EgoPose::egoToWorld).orElse(Pose.IDENTITY);
            listener.sweep(new SweepResult(s, egoToWorld, dets.get(i).objects3d()));
        }
        batch.clear();
    }

    private static SensorCalibration calibration(LogReader reader, Map<String, SensorCalibration> calibrations,
            String sensorId) {
        SensorCalibration c = calibrations.get(sensorId);
        if (c == null) {
            throw new BadInputException(reader.directory() + ": sensor '" + sensorId + "' has no calibration");
        }
        return c;
    }

    /** A camera frame detected on the camera thread, waiting to be handed over in order. */
    private record CameraWork(int frameIndex, CameraFrame frame, List<GroundTruth2d> truth,
            Future<Detections> detections, long[] nanos) {
    }

    private void submitCamera(int frameIndex, CameraFrame frame, List<GroundTruth2d> truth, LogReader reader,
            Map<String, SensorCalibration> calibrations, List<CameraWork> pending) {
        Detector cam = camera.orElseThrow();
        long[] nanos = new long[1];
        var set = io.avreplay.perception.api.FrameSet.of(frame, calibration(reader, calibrations, frame.sensorId()));
        pending.add(new CameraWork(frameIndex, frame, truth, cameraThread.orElseThrow().submit(() -> {
            long t = System.nanoTime();
            Detections d = cam.detect(set);
            nanos[0] = System.nanoTime() - t;
            return d;
        }), nanos));
    }

    /** Hands over the oldest pending camera results until at most {@code keep} remain (bounded memory). */
    private void drainCamera(List<CameraWork> pending, int keep, Listener listener) {
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
            totals.cameraNs += w.nanos()[0];
            totals.cameraFrames++;
            listener.image(new ImageResult(w.frameIndex(), w.frame(), w.truth(), d.objects2d()));
        }
    }

    /** Stops the camera thread. */
    @Override
    public void close() {
        cameraThread.ifPresent(ExecutorService::shutdownNow);
    }
}
