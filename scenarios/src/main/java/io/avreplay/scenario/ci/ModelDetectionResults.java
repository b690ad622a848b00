package io.avreplay.scenario.ci;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.replay.arrow.LidarStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Detections produced by running a lidar {@link Detector} over every sweep of a log (the first lidar),
 * in batches. This is {@code gate --candidate default}: the shipped model, or any model directory.
 * Borrows the detector and the allocator; not thread-safe.
 */
public final class ModelDetectionResults implements DetectionResults {
    private static final int BATCH = 4;
    private final Detector detector;
    private final BufferAllocator allocator;
    private final String description;

    /** @param description e.g. {@code model bev-centernet-s (default)} */
    public ModelDetectionResults(Detector detector, BufferAllocator allocator, String description) {
        this.detector = detector;
        this.allocator = allocator;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Map<Long, List<Detection3d>> forLog(String logId, Path logDir) {
        Map<Long, List<Detection3d>> out = new LinkedHashMap<>();
        try (LogReader r = LogReader.open(logDir, allocator)) {
            String lidar = r.lidarIds().stream().findFirst().orElseThrow(() ->
                    new BadInputException(logDir + ": the log has no lidar stream for the model to run on"));
            SensorCalibration cal = r.calibration(lidar).orElseThrow(() ->
                    new BadInputException(logDir + ": lidar '" + lidar + "' has no calibration"));
            LidarStream sweeps = r.lidar(lidar);
            List<FrameSet> batch = new ArrayList<>();
            for (int i = 0; i < sweeps.size(); i++) {
                LidarSweep s = sweeps.read(i);
                batch.add(FrameSet.of(s, cal));
                if (batch.size() == BATCH || i == sweeps.size() - 1) {
                    for (Detections d : detector.detectAll(batch)) {
                        out.put(d.timestampNs(), d.objects3d());
                    }
                    batch.clear();
                }
            }
        }
        return out;
    }
}
