package io.avreplay.perception.compare;

import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps a detector, recording each call's wall time (per frame set; a batch's time is shared evenly) and
 * the 3D and 2D detections by frame-set timestamp. Not thread-safe, like the detector it wraps; does not own it.
 */
final class RecordingDetector implements Detector {
    private final Detector inner;
    private final List<Double> latencyMs = new ArrayList<>();
    private final Map<Long, List<Detection3d>> byTimestamp = new LinkedHashMap<>();
    private final Map<Long, List<Detection2d>> byTimestamp2d = new LinkedHashMap<>();

    RecordingDetector(Detector inner) {
        this.inner = inner;
    }

    @Override
    public ModelCard card() {
        return inner.card();
    }

    @Override
    public Detections detect(FrameSet frames) {
        return detectAll(List.of(frames)).get(0);
    }

    @Override
    public List<Detections> detectAll(List<FrameSet> frames) {
        long t = System.nanoTime();
        List<Detections> out = inner.detectAll(frames);
        double each = (System.nanoTime() - t) / 1e6 / Math.max(1, frames.size());
        for (Detections d : out) {
            latencyMs.add(each);
            byTimestamp.put(d.timestampNs(), d.objects3d());
            byTimestamp2d.merge(d.timestampNs(), d.objects2d(), (a, b) -> {
                List<Detection2d> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        return out;
    }

    List<Double> latencyMs() {
        return List.copyOf(latencyMs);
    }

    Map<Long, List<Detection3d>> detections() {
        return byTimestamp;
    }

    Map<Long, List<Detection2d>> detections2d() {
        return byTimestamp2d;
    }
}
