package io.avreplay.scenario.render;

import io.avreplay.replay.arrow.LidarStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.ci.FrameImage;
import io.avreplay.scenario.ci.WorstFrames;
import io.avreplay.scenario.gate.EvalFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The worst frames of a failing scenario as bird's-eye views: each frame's errors are counted with a
 * greedy centre-distance match at {@value #MATCH_M} m per class over the scenario's classes (ground truth
 * with lidar points only, detections with score at least {@value #MIN_SCORE}); the {@value #FRAMES}
 * frames with the most missed plus false detections are drawn (ground truth in class colours,
 * detections in white) and captioned. Borrows the allocator (for a log it opens itself) and the reader it is
 * given; stateless otherwise.
 */
public final class BevWorstFrames implements WorstFrames {
    static final double MATCH_M = 2.0;
    static final double MIN_SCORE = 0.3;
    static final int FRAMES = 3;
    private final BufferAllocator allocator;

    /** @param allocator parent allocator of a reader {@link #render(Scenario, Path, List)} opens (borrowed) */
    public BevWorstFrames(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    private record Errors(int frame, TreeMap<String, Integer> missed, TreeMap<String, Integer> falses) {
        int total() {
            return missed.values().stream().mapToInt(i -> i).sum() + falses.values().stream().mapToInt(i -> i).sum();
        }
    }

    /** Opens the log, then as {@link #render(Scenario, LogReader, List)}; the gate passes its open reader. */
    @Override
    public List<FrameImage> render(Scenario scenario, Path logDir, List<EvalFrame> frames) {
        try (LogReader r = LogReader.open(logDir, allocator)) {
            return render(scenario, r, frames);
        }
    }

    @Override
    public List<FrameImage> render(Scenario scenario, LogReader r, List<EvalFrame> frames) {
        List<Errors> errors = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            errors.add(count(i, frames.get(i), scenario.classes()));
        }
        List<Errors> worst = errors.stream().filter(e -> e.total() > 0)
                .sorted(Comparator.comparingInt(Errors::total).reversed().thenComparingInt(Errors::frame))
                .limit(FRAMES).toList();
        List<FrameImage> out = new ArrayList<>();
        if (worst.isEmpty()) {
            return out;
        }
        if (r.lidarIds().isEmpty()) {
            return out;
        }
        String lidar = r.lidarIds().get(0);
        LidarStream sweeps = r.lidar(lidar);
        SensorCalibration cal = r.calibration(lidar).orElseThrow();
        for (Errors e : worst) {
            EvalFrame f = frames.get(e.frame());
            int idx = sweeps.floorIndex(f.timestampNs());
            if (idx < 0 || sweeps.timestampNs(idx) != f.timestampNs()) {
                continue;
            }
            byte[] png = LogRenderer.bevPng(sweeps.read(idx), cal.sensorToEgo(), f.truth(),
                    f.detections().stream().filter(d -> d.score() >= MIN_SCORE).map(Detection3d::box).toList());
            out.add(new FrameImage(f.timestampNs(), caption(e), png));
        }
        return out;
    }

    private static String caption(Errors e) {
        return "missed " + (e.missed.isEmpty() ? "none" : e.missed) + ", false " + (e.falses.isEmpty() ? "none" : e.falses)
                + " (centre distance " + MATCH_M + " m, score >= " + MIN_SCORE + ")";
    }

    private static Errors count(int index, EvalFrame f, List<String> classes) {
        TreeMap<String, Integer> missed = new TreeMap<>();
        TreeMap<String, Integer> falses = new TreeMap<>();
        for (String cls : classes) {
            List<GroundTruth3d> gt = f.truth().stream()
                    .filter(a -> io.avreplay.replay.object.CategoryTable.standard().nuScenesClass(a.category()).orElse("").equals(cls)
                            && a.numPoints() > 0).toList();
            List<Detection3d> dets = f.detections().stream().filter(d -> d.category().equals(cls) && d.score() >= MIN_SCORE)
                    .sorted(Comparator.comparingDouble(Detection3d::score).reversed()).toList();
            boolean[] taken = new boolean[gt.size()];
            int falsePositives = 0;
            for (Detection3d d : dets) {
                int best = -1;
                double bestDist = MATCH_M;
                for (int g = 0; g < gt.size(); g++) {
                    double dist = Math.hypot(gt.get(g).box().centre().x() - d.box().centre().x(),
                            gt.get(g).box().centre().y() - d.box().centre().y());
                    if (!taken[g] && dist < bestDist) {
                        best = g;
                        bestDist = dist;
                    }
                }
                if (best >= 0) {
                    taken[best] = true;
                } else {
                    falsePositives++;
                }
            }
            int misses = 0;
            for (boolean t : taken) {
                misses += t ? 0 : 1;
            }
            if (misses > 0) {
                missed.put(cls, misses);
            }
            if (falsePositives > 0) {
                falses.put(cls, falsePositives);
            }
        }
        return new Errors(index, missed, falses);
    }
}
