package io.avreplay.eval.kitti;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KITTI object evaluation with parity to the official devkit ({@code evaluate_object.cpp}): AP|R40 and
 * AP|R11 for 2D, AOS, bird's-eye view and 3D, for Car, Pedestrian and Cyclist at easy, moderate and
 * hard. Stateless and thread-safe.
 */
public final class KittiEvaluator {
    /** Creates an evaluator with the devkit's fixed parameters. */
    public KittiEvaluator() {
    }

    /**
     * Prepares in-memory frames.
     *
     * @param groundTruth frame id to its label objects (DontCare included)
     * @param detections  frame id to its detections; a frame missing here has none, a frame missing from
     *                    {@code groundTruth} has no ground truth (its detections are false positives)
     */
    public KittiMetricData accumulate(Map<String, List<KittiObject>> groundTruth,
            Map<String, List<KittiObject>> detections) {
        TreeMap<String, KittiFrame> frames = new TreeMap<>();
        int noGt = 0;
        int noPred = 0;
        java.util.Set<String> ids = new java.util.TreeSet<>(groundTruth.keySet());
        ids.addAll(detections.keySet());
        for (String id : ids) {
            List<KittiObject> g = groundTruth.get(id);
            List<KittiObject> d = detections.get(id);
            noGt += g == null ? 1 : 0;
            noPred += d == null ? 1 : 0;
            frames.put(id, new KittiFrame(id, g == null ? List.of() : g, d == null ? List.of() : d));
        }
        return new KittiMetricData(frames, noGt, noPred);
    }

    /** Computes every curve the devkit would write. */
    public KittiResult score(KittiMetricData data, EvalProvenance provenance) {
        List<KittiObject> dets = data.allDetections();
        boolean computeAos = dets.stream().noneMatch(d -> d.alpha() == -10);
        Map<KittiClass, Map<KittiMetric, KittiResult.Curves>> out = new EnumMap<>(KittiClass.class);
        for (KittiClass c : KittiClass.values()) {
            List<KittiObject> mine = dets.stream().filter(d -> d.type().equalsIgnoreCase(c.label())).toList();
            Map<KittiMetric, KittiResult.Curves> m = new EnumMap<>(KittiMetric.class);
            if (mine.stream().anyMatch(d -> d.x1() >= 0)) {
                double[][] p = new double[3][];
                double[][] a = new double[3][];
                for (KittiDifficulty d : KittiDifficulty.values()) {
                    KittiClassEval.Curves cv = KittiClassEval.evaluate(data.frames(), c, d, KittiFrame.IMAGE,
                            computeAos);
                    p[d.ordinal()] = cv.precision();
                    a[d.ordinal()] = cv.aos();
                }
                m.put(KittiMetric.BBOX_2D, KittiResult.Curves.of(p));
                if (computeAos) {
                    m.put(KittiMetric.AOS, KittiResult.Curves.of(a));
                }
            }
            if (mine.stream().anyMatch(KittiEvaluator::groundValid)) {
                m.put(KittiMetric.BEV, curves(data, c, KittiFrame.GROUND));
            }
            if (mine.stream().anyMatch(d -> groundValid(d) && d.y() != -1000 && d.height() > 0)) {
                m.put(KittiMetric.BOX_3D, curves(data, c, KittiFrame.BOX3D));
            }
            if (!m.isEmpty()) {
                out.put(c, m);
            }
        }
        return new KittiResult(provenance, out, data.frameIds().size(), data.framesWithoutGt(),
                data.framesWithoutPredictions());
    }

    private static boolean groundValid(KittiObject d) {
        return d.x() != -1000 && d.z() != -1000 && d.width() > 0 && d.length() > 0;
    }

    private static KittiResult.Curves curves(KittiMetricData data, KittiClass c, int boxType) {
        double[][] p = new double[3][];
        for (KittiDifficulty d : KittiDifficulty.values()) {
            p[d.ordinal()] = KittiClassEval.evaluate(data.frames(), c, d, boxType, false).precision();
        }
        return KittiResult.Curves.of(p);
    }

    /** Accumulates and scores in-memory frames. */
    public KittiResult evaluate(Map<String, List<KittiObject>> groundTruth, Map<String, List<KittiObject>> detections) {
        return score(accumulate(groundTruth, detections),
                new EvalProvenance("kitti", "object", List.of("<memory>"), ToolVersion.current()));
    }

    /**
     * Reads {@code NNNNNN.txt} label files from two directories and evaluates them.
     *
     * @throws io.avreplay.error.BadInputException when a directory or line is unreadable or malformed
     */
    public KittiResult evaluateDirectories(Path groundTruthDir, Path predictionDir) {
        Map<String, List<KittiObject>> gt = KittiLabelReader.readDirectory(groundTruthDir, false);
        Map<String, List<KittiObject>> det = KittiLabelReader.readDirectory(predictionDir, true);
        return score(accumulate(gt, det), new EvalProvenance("kitti", "object",
                List.of(groundTruthDir.toString(), predictionDir.toString()), ToolVersion.current()));
    }
}
