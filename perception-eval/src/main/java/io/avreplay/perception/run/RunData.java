package io.avreplay.perception.run;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.coco.CocoMetricData;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.eval.tracking.TrackingMetricData;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mergeable data of the logs of a run, before scoring: the provenance of its logs, the nuScenes,
 * COCO and tracking metric data and the work counts. The data of a run's logs taken one by one
 * ({@link RunPipeline#runLog}) and merged in log order with {@link #merge} is exactly the data
 * {@link RunPipeline#run} accumulates over them, and {@link RunPipeline#score} turns it into the same
 * result; a distributed runner relies on both. Immutable and {@link Serializable} (it travels from
 * executors to a driver).
 *
 * @param provenance the logs with the frames detected (in log order), the models, the configuration
 * @param lidar      nuScenes detection match data of the lidar detector
 * @param camera     COCO match data of the camera detector: one element, none when no camera ran (a list
 *                   because {@link Optional} is not serializable)
 * @param tracking   nuScenes tracking data of the tracks, one scene per log
 * @param counts     sweeps, camera frames, inference time and log time
 */
public record RunData(RunProvenance provenance, NuScenesMetricData lidar, List<CocoMetricData> camera,
        TrackingMetricData tracking, Counts counts) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Validates that every part is present and that {@code camera} has at most one element. */
    public RunData {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(lidar, "lidar");
        camera = List.copyOf(camera);
        if (camera.size() > 1) {
            throw new IllegalArgumentException("camera must hold at most one element, got " + camera.size());
        }
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * Work done over the logs.
     *
     * @param sweeps       sweeps detected, &gt;= 0
     * @param cameraFrames camera frames detected, &gt;= 0
     * @param lidarNs      time in the lidar detector, ns, &gt;= 0
     * @param cameraNs     time in the camera detector, ns, &gt;= 0
     * @param logNs        duration of the logs, ns, &gt;= 0
     */
    public record Counts(int sweeps, int cameraFrames, long lidarNs, long cameraNs, long logNs) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Validates that no count is negative. */
        public Counts {
            if (sweeps < 0 || cameraFrames < 0 || lidarNs < 0 || cameraNs < 0 || logNs < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got sweeps " + sweeps + ", camera_frames "
                        + cameraFrames + ", lidar_ns " + lidarNs + ", camera_ns " + cameraNs + ", log_ns " + logNs);
            }
        }

        Counts plus(Counts o) {
            return new Counts(sweeps + o.sweeps, cameraFrames + o.cameraFrames, lidarNs + o.lidarNs,
                    cameraNs + o.cameraNs, logNs + o.logNs);
        }
    }

    /** @return the camera data, when a camera ran */
    public Optional<CocoMetricData> cameraData() {
        return camera.stream().findFirst();
    }

    /**
     * @return this data followed by {@code next}'s (logs, samples, images and scenes in that order)
     * @throws IllegalArgumentException when the two were run with different models or settings
     * @throws BadInputException        when a log is in both (its tracking scene cannot be merged)
     */
    public RunData merge(RunData next) {
        RunProvenance a = provenance;
        RunProvenance b = next.provenance;
        if (!a.models().equals(b.models()) || !a.config().equals(b.config()) || !a.toolVersion().equals(b.toolVersion())) {
            throw new IllegalArgumentException("cannot merge run data of different models or settings: " + a.models()
                    + " " + a.config() + " vs " + b.models() + " " + b.config());
        }
        if (camera.size() != next.camera.size()) {
            throw new IllegalArgumentException("cannot merge run data with and without a camera");
        }
        List<RunProvenance.LogRange> logs = new ArrayList<>(a.logs());
        logs.addAll(b.logs());
        TrackingMetricData t;
        try {
            t = tracking.merge(next.tracking);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cannot score tracks: " + e.getMessage() + " (the same log given twice?)", e);
        }
        List<CocoMetricData> c = camera.isEmpty() ? List.of()
                : List.of(CocoMetricData.merge(camera.get(0), next.camera.get(0)));
        return new RunData(new RunProvenance(logs, a.models(), a.config(), a.toolVersion()),
                NuScenesMetricData.merge(lidar, next.lidar), c, t, counts.plus(next.counts));
    }
}
