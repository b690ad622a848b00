package io.avreplay.scenario.ci;

import io.avreplay.perception.api.Detector;
import io.avreplay.perception.run.DetectionLoop;
import io.avreplay.perception.run.RunOptions;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Detections produced by running a lidar {@link Detector} over every sweep of a log's first lidar through
 * the project's one detection loop ({@link DetectionLoop}, the loop {@code avreplay run} uses, batches of
 * {@link RunOptions#defaults()}). This is {@code gate --candidate default}: the shipped model, or any model
 * directory. Borrows the detector and the allocator; not thread-safe.
 */
public final class ModelDetectionResults implements DetectionResults {
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

    /** Opens the log, then as {@link #forLog(LogReader)}; the gate passes its open reader instead. */
    @Override
    public Map<Long, List<Detection3d>> forLog(String logId, Path logDir) {
        try (LogReader r = LogReader.open(logDir, allocator)) {
            return forLog(r);
        }
    }

    /** Runs the detector over every sweep of the open log's first lidar. */
    @Override
    public Map<Long, List<Detection3d>> forLog(LogReader log) {
        Map<Long, List<Detection3d>> out = new LinkedHashMap<>();
        try (DetectionLoop loop = new DetectionLoop(detector, Optional.empty(), RunOptions.defaults(), allocator)) {
            loop.run(log, sweep -> out.put(sweep.timestampNs(), sweep.detections()));
        }
        return out;
    }
}
