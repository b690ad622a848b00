package io.avreplay.scenario.gate;

import io.avreplay.eval.match.CenterDistanceMatcher;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.replay.log.Annotation3d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in scorer: nuScenes-style centre-distance AP (thresholds 0.5, 1, 2, 4 m; 101-point
 * interpolated precision; min recall and min precision 0.1) on ego-frame boxes, mAP over the scenario's
 * classes that have ground truth, and an NDS whose TP errors are the mean over true positives at 2 m
 * (the devkit interpolates them along the curve instead; the exact evaluator of {@code perception-eval}
 * plugs in through {@link ScenarioScorer}). Ground truth with no lidar point is ignored, as in nuScenes.
 * Per-class AP with no ground truth in the frames is NaN. Stateless and thread-safe.
 */
public final class CenterDistanceScorer implements ScenarioScorer<CenterDistanceScorer.Units> {
    /** Matching thresholds, metres. */
    public static final List<Double> DISTANCES_M = MetricId.MATCH_DISTANCES_M;
    /** Threshold whose matches give the TP errors of NDS, metres. */
    public static final double TP_DISTANCE_M = 2.0;
    static final double MIN_RECALL = 0.1;
    static final double MIN_PRECISION = 0.1;
    private static final int TP_METRICS = 5;

    @Override
    public String name() {
        return "center-distance-ap";
    }

    @Override
    public Set<String> knownClasses() {
        return NuScenesConfig.DETECTION_NAMES;
    }

    /** Match data of one class; predictions are in descending score order. */
    record ClassData(int[] gtPerFrame, int[] predFrame, boolean[][] tp, double[][] errors) {
    }

    /** Units of the built-in scorer: per class, matched predictions and ground-truth counts per frame. */
    public static final class Units implements FrameUnits {
        private final int frames;
        private final Map<String, ClassData> byClass;

        Units(int frames, Map<String, ClassData> byClass) {
            this.frames = frames;
            this.byClass = byClass;
        }

        @Override
        public int frameCount() {
            return frames;
        }
    }

    @Override
    public Units accumulate(List<EvalFrame> frames, List<String> classes) {
        Map<String, ClassData> out = new LinkedHashMap<>();
        for (String cls : classes) {
            out.put(cls, accumulateClass(frames, cls));
        }
        return new Units(frames.size(), out);
    }

    private record Pred(int frame, EgoDetection det, int[] gtIndex) {
    }

    private static ClassData accumulateClass(List<EvalFrame> frames, String cls) {
        int[] gtPerFrame = new int[frames.size()];
        List<Pred> preds = new ArrayList<>();
        List<List<Annotation3d>> gtsByFrame = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            List<Annotation3d> gts = frames.get(f).truth().stream()
                    .filter(a -> a.category().equals(cls) && a.numLidarPoints() > 0).toList();
            gtsByFrame.add(gts);
            gtPerFrame[f] = gts.size();
            List<EgoDetection> dets = frames.get(f).detections().stream().filter(d -> d.category().equals(cls))
                    .sorted(Comparator.comparingDouble(EgoDetection::score).reversed()).toList();
            double[] px = dets.stream().mapToDouble(d -> d.box().centre().x()).toArray();
            double[] py = dets.stream().mapToDouble(d -> d.box().centre().y()).toArray();
            double[] gx = gts.stream().mapToDouble(a -> a.box().centre().x()).toArray();
            double[] gy = gts.stream().mapToDouble(a -> a.box().centre().y()).toArray();
            int[][] byTh = new int[DISTANCES_M.size()][];
            for (int k = 0; k < byTh.length; k++) {
                byTh[k] = CenterDistanceMatcher.match(px, py, gx, gy, DISTANCES_M.get(k));
            }
            for (int i = 0; i < dets.size(); i++) {
                int[] g = new int[byTh.length];
                for (int k = 0; k < g.length; k++) {
                    g[k] = byTh[k][i];
                }
                preds.add(new Pred(f, dets.get(i), g));
            }
        }
        preds.sort(Comparator.comparingDouble((Pred p) -> p.det().score()).reversed());
        int n = preds.size();
        int[] predFrame = new int[n];
        boolean[][] tp = new boolean[DISTANCES_M.size()][n];
        double[][] errors = new double[TP_METRICS][n];
        int tpIndex = DISTANCES_M.indexOf(TP_DISTANCE_M);
        for (int i = 0; i < n; i++) {
            Pred p = preds.get(i);
            predFrame[i] = p.frame();
            for (int k = 0; k < tp.length; k++) {
                tp[k][i] = p.gtIndex()[k] >= 0;
            }
            int g = p.gtIndex()[tpIndex];
            double[] e = g >= 0 ? TpErrors.of(p.det(), gtsByFrame.get(p.frame()).get(g), cls) : TpErrors.NONE;
            for (int m = 0; m < TP_METRICS; m++) {
                errors[m][i] = e[m];
            }
        }
        return new ClassData(gtPerFrame, predFrame, tp, errors);
    }

    @Override
    public double compute(MetricId metric, Units units, int[] weights) {
        if (weights.length != units.frames) {
            throw new IllegalArgumentException("weights has " + weights.length + " frames, units " + units.frames);
        }
        return switch (metric.kind()) {
            case AP -> {
                ClassData d = units.byClass.get(metric.className());
                yield d == null ? Double.NaN : classAp(d, metric.distanceM(), weights);
            }
            case MAP -> meanAp(units, metric.distanceM(), weights);
            case NDS -> nds(units, weights);
        };
    }

    private static double classAp(ClassData d, double distanceM, int[] w) {
        if (!Double.isNaN(distanceM)) {
            return ApCurve.ap(ApCurve.precisionGrid(d, thresholdIndex(distanceM), w));
        }
        double sum = 0;
        for (int k = 0; k < DISTANCES_M.size(); k++) {
            sum += ApCurve.ap(ApCurve.precisionGrid(d, k, w));
        }
        return sum / DISTANCES_M.size();
    }

    private static double meanAp(Units u, double distanceM, int[] w) {
        double sum = 0;
        int n = 0;
        for (ClassData d : u.byClass.values()) {
            double ap = classAp(d, distanceM, w);
            if (!Double.isNaN(ap)) {
                sum += ap;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double nds(Units u, int[] w) {
        double map = meanAp(u, Double.NaN, w);
        if (Double.isNaN(map)) {
            return Double.NaN;
        }
        double total = 5 * map;
        for (int m = 0; m < TP_METRICS; m++) {
            double sum = 0;
            int n = 0;
            for (ClassData d : u.byClass.values()) {
                double e = TpErrors.classMean(d, m, DISTANCES_M.indexOf(TP_DISTANCE_M), w);
                if (!Double.isNaN(e)) {
                    sum += e;
                    n++;
                }
            }
            // Python's max(0.0, nan) is 0.0: an error no class defines scores 0, as in the devkit.
            total += n == 0 ? 0 : Math.max(0, 1 - sum / n);
        }
        return total / 10;
    }

    static int thresholdIndex(double distanceM) {
        for (int k = 0; k < DISTANCES_M.size(); k++) {
            if (Math.abs(DISTANCES_M.get(k) - distanceM) < 1e-9) {
                return k;
            }
        }
        throw new IllegalArgumentException("distance " + distanceM + " m is not one of " + DISTANCES_M + " m");
    }

    @Override
    public List<PrCurve> curves(Units units, double distanceM) {
        int k = thresholdIndex(distanceM);
        int[] ones = new int[units.frames];
        java.util.Arrays.fill(ones, 1);
        List<PrCurve> out = new ArrayList<>();
        for (Map.Entry<String, ClassData> e : units.byClass.entrySet()) {
            double[] prec = ApCurve.precisionGrid(e.getValue(), k, ones);
            if (prec == null) {
                continue;
            }
            List<Double> r = new ArrayList<>();
            List<Double> p = new ArrayList<>();
            for (int i = 0; i < ApCurve.POINTS; i++) {
                r.add(i / (double) (ApCurve.POINTS - 1));
                p.add(prec[i]);
            }
            out.add(new PrCurve(e.getKey(), distanceM, r, p, ApCurve.ap(prec)));
        }
        return out;
    }
}
