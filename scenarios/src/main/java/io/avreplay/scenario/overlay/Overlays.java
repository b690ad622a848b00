package io.avreplay.scenario.overlay;

import io.avreplay.eval.match.FrameMatch;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one frame's ground truth and detections into marks coloured by match status. 3D: ground truth is
 * scored when its category maps to a nuScenes detection class and it has at least one lidar point (the
 * evaluator's filters; its per-class range limit is not applied to pictures), and detections match it at a
 * centre distance below 2 m. 2D: ground truth is scored unless it is a don't-care region (empty track id),
 * and detections match it at IoU 0.5 or more. Stateless and thread-safe.
 */
public final class Overlays {
    private Overlays() {
    }

    /**
     * @param truth      the sweep's ground truth (ego frame)
     * @param detections the sweep's detections (ego frame)
     * @param withRun    whether a run is shown: without one, scored ground truth is {@link MatchStatus#TRUTH}
     *                   rather than missed
     * @return ground-truth marks first (matched, missed or not scored), then detection marks (TP or FP)
     */
    public static List<Mark3d> marks3d(List<GroundTruth3d> truth, List<Detection3d> detections,
            boolean withRun) {
        List<Integer> scored = new ArrayList<>();
        List<String> truthClass = new ArrayList<>();
        for (int g = 0; g < truth.size(); g++) {
            Optional<String> cls = CategoryTable.standard().nuScenesClass(truth.get(g).category());
            if (cls.isPresent() && truth.get(g).numPoints() > 0) {
                scored.add(g);
                truthClass.add(cls.get());
            }
        }
        double[][] truthXy = new double[scored.size()][];
        for (int k = 0; k < scored.size(); k++) {
            var c = truth.get(scored.get(k)).box().centre();
            truthXy[k] = new double[] {c.x(), c.y()};
        }
        double[][] predXy = new double[detections.size()][];
        double[] score = new double[detections.size()];
        List<String> predClass = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            var d = detections.get(i);
            predXy[i] = new double[] {d.box().centre().x(), d.box().centre().y()};
            score[i] = d.score();
            predClass.add(d.category());
        }
        FrameMatch m = FrameMatch.centreDistance(predClass, predXy, score, truthClass, truthXy, FrameMatch.CENTRE_DISTANCE_M);
        List<Mark3d> out = new ArrayList<>();
        for (int g = 0; g < truth.size(); g++) {
            GroundTruth3d a = truth.get(g);
            int k = scored.indexOf(g);
            MatchStatus s = k < 0 ? MatchStatus.NOT_SCORED
                    : m.predictionOf(k) >= 0 ? MatchStatus.MATCHED_TRUTH : withRun ? MatchStatus.MISSED : MatchStatus.TRUTH;
            out.add(new Mark3d(s, a.category(), a.box(), Double.NaN, a.trackId()));
        }
        for (int i = 0; i < detections.size(); i++) {
            var d = detections.get(i);
            out.add(new Mark3d(m.truthOf(i) >= 0 ? MatchStatus.TRUE_POSITIVE : MatchStatus.FALSE_POSITIVE, d.category(),
                    d.box(), d.score(), ""));
        }
        return out;
    }

    /**
     * @param truth      the image's ground truth, pixels
     * @param detections the image's detections, pixels
     * @param withRun    whether a run is shown (see {@link #marks3d})
     * @return ground-truth marks first, then detection marks
     */
    public static List<Mark2d> marks2d(List<GroundTruth2d> truth, List<Detection2d> detections,
            boolean withRun) {
        List<Integer> scored = new ArrayList<>();
        for (int g = 0; g < truth.size(); g++) {
            GroundTruth2d a = truth.get(g);
            if (!a.trackId().isEmpty() && hasArea(a.box())) {
                scored.add(g);
            }
        }
        List<String> truthClass = scored.stream().map(g -> truth.get(g).category()).toList();
        double[][] truthBox = scored.stream().map(g -> truth.get(g))
                .map(a -> corners(a.box())).toArray(double[][]::new);
        double[][] predBox = detections.stream().map(d -> corners(d.box()))
                .toArray(double[][]::new);
        double[] score = detections.stream().mapToDouble(Detection2d::score).toArray();
        FrameMatch m = FrameMatch.iou(detections.stream().map(Detection2d::category).toList(), predBox, score,
                truthClass, truthBox, FrameMatch.IOU);
        List<Mark2d> out = new ArrayList<>();
        for (int g = 0; g < truth.size(); g++) {
            GroundTruth2d a = truth.get(g);
            if (!hasArea(a.box())) {
                continue;
            }
            int k = scored.indexOf(g);
            MatchStatus s = k < 0 ? MatchStatus.NOT_SCORED
                    : m.predictionOf(k) >= 0 ? MatchStatus.MATCHED_TRUTH : withRun ? MatchStatus.MISSED : MatchStatus.TRUTH;
            out.add(new Mark2d(s, a.category(), a.box().x1(), a.box().y1(), a.box().x2(), a.box().y2(), Double.NaN,
                    a.trackId()));
        }
        for (int i = 0; i < detections.size(); i++) {
            var d = detections.get(i);
            if (hasArea(d.box())) {
                out.add(new Mark2d(m.truthOf(i) >= 0 ? MatchStatus.TRUE_POSITIVE : MatchStatus.FALSE_POSITIVE,
                        d.category(), d.box().x1(), d.box().y1(), d.box().x2(), d.box().y2(), d.score(), ""));
            }
        }
        return out;
    }

    private static boolean hasArea(Box2d b) {
        return b.x2() > b.x1() && b.y2() > b.y1();
    }

    private static double[] corners(Box2d b) {
        return new double[] {b.x1(), b.y1(), b.x2(), b.y2()};
    }

    /** @return how many marks of each status, every status present (zero when none) */
    public static Map<MatchStatus, Integer> counts(List<MatchStatus> statuses) {
        Map<MatchStatus, Integer> c = new EnumMap<>(MatchStatus.class);
        for (MatchStatus s : MatchStatus.values()) {
            c.put(s, 0);
        }
        statuses.forEach(s -> c.merge(s, 1, Integer::sum));
        return c;
    }
}
