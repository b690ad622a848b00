package io.avreplay.eval.tracking;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.numpy.Numpy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one class as the devkit's {@code TrackingEvaluation.accumulate} does: a first pass over every
 * prediction collects the track scores of true matches, their descending order gives one score threshold
 * per recall level ({@code np.interp}; unreachable levels are NaN), and a CLEAR MOT pass per distinct
 * threshold gives each level's metrics. Not thread-safe; one instance per class and scoring.
 */
final class ClassEvaluation {
    /** Metrics that have one value per recall threshold, in the devkit's order. */
    static final List<TrackingMetric> PER_THRESHOLD = List.of(TrackingMetric.RECALL, TrackingMetric.MOTAR,
            TrackingMetric.GT, TrackingMetric.MOTA, TrackingMetric.MOTP, TrackingMetric.MT, TrackingMetric.ML,
            TrackingMetric.FAF, TrackingMetric.TP, TrackingMetric.FP, TrackingMetric.FN, TrackingMetric.IDS,
            TrackingMetric.FRAG, TrackingMetric.TID, TrackingMetric.LGD);

    private final TrackingConfig cfg;
    private final List<SceneTracks> scenes;
    private final int cls;
    private final int[] objectOffset;
    private final int objects;

    ClassEvaluation(TrackingConfig cfg, List<SceneTracks> scenes, int cls) {
        this.cfg = cfg;
        this.scenes = scenes;
        this.cls = cls;
        objectOffset = new int[scenes.size()];
        int total = 0;
        for (int s = 0; s < scenes.size(); s++) {
            objectOffset[s] = total;
            total += scenes.get(s).gtIds.size();
        }
        objects = total;
    }

    /** @return the per-threshold curves of the class; every value NaN when it has no ground truth */
    TrackingCurves evaluate() {
        int n = cfg.numThresholds();
        int gtBoxes = 0;
        Set<String> gtTracks = new HashSet<>();
        for (SceneTracks s : scenes) {
            for (SceneTracks.Frame f : s.gt) {
                for (int i = 0; i < f.size(); i++) {
                    if (f.cls[i] == cls) {
                        gtBoxes++;
                        gtTracks.add(s.gtIds.get(f.id[i]));
                    }
                }
            }
        }
        if (gtBoxes == 0) {
            return TrackingCurves.undefined(n);
        }
        double[][] thr = thresholds(gtBoxes);
        double[] confidence = thr[0];
        Map<Double, Map<TrackingMetric, Double>> byThreshold = new HashMap<>();
        for (double t : confidence) {
            if (!Double.isNaN(t) && !byThreshold.containsKey(t)) {
                ClearMotCounts counts = new ClearMotCounts(objects);
                pass(t, counts, null);
                byThreshold.put(t, counts.metrics());
            }
        }
        Map<TrackingMetric, List<Double>> values = new EnumMap<>(TrackingMetric.class);
        for (TrackingMetric m : PER_THRESHOLD) {
            List<Double> v = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                v.add(byThreshold.isEmpty() ? worst(m, gtBoxes, gtTracks.size())
                        : Double.isNaN(confidence[k]) ? Double.NaN : byThreshold.get(confidence[k]).get(m));
            }
            values.put(m, v);
        }
        return new TrackingCurves(boxed(confidence), boxed(thr[1]), values);
    }

    private double worst(TrackingMetric m, int gtBoxes, int gtTracks) {
        double w = cfg.metricWorst().get(m);
        if (w != -1) {
            return w;
        }
        return switch (m) {
            case ML -> gtTracks;
            case GT, FN -> gtBoxes;
            case FP, IDS, FRAG -> Double.NaN;
            default -> throw new InvalidConfigException("tracking config " + cfg.name() + ": metric_worst."
                    + m.key() + " = -1 is only defined for ml, gt, fn, fp, ids and frag");
        };
    }

    /** @return {confidence thresholds, hypothetical recalls}, highest recall first */
    private double[][] thresholds(int gtBoxes) {
        int n = cfg.numThresholds();
        double[] scores = matchScores();
        if (scores.length == 0) {
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            return new double[][] {nan, nan.clone()};
        }
        Arrays.sort(scores);
        double[] desc = new double[scores.length];
        double[] rec = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            desc[i] = scores[scores.length - 1 - i];
            rec[i] = (double) (i + 1) / gtBoxes;
        }
        double maxRecall = rec[rec.length - 1];
        double[] recInterp = Numpy.linspace(cfg.minRecall(), 1, n);
        for (int i = 0; i < n; i++) {
            recInterp[i] = Numpy.round(recInterp[i], 12);
        }
        double[] thr = Numpy.interp(recInterp, rec, desc, 0);
        double[] outThr = new double[n];
        double[] outRec = new double[n];
        for (int i = 0; i < n; i++) {
            outThr[n - 1 - i] = recInterp[i] > maxRecall ? Double.NaN : thr[i];
            outRec[n - 1 - i] = recInterp[i];
        }
        return new double[][] {outThr, outRec};
    }

    /** @return the track scores of predictions whose id made a (non-switch) match in their frame, all scores */
    private double[] matchScores() {
        double[][] out = {new double[64]};
        int[] count = {0};
        pass(Double.NaN, null, (f, matched) -> {
            for (int j = 0; j < f.size; j++) {
                if (matched.contains(f.pid[j])) {
                    if (count[0] == out[0].length) {
                        out[0] = Arrays.copyOf(out[0], count[0] * 2);
                    }
                    out[0][count[0]++] = f.ps[j];
                }
            }
        });
        return Arrays.copyOf(out[0], count[0]);
    }

    /** Predictions of the class in one frame, above the threshold. */
    private static final class Preds {
        final double[] px;
        final double[] py;
        final double[] ps;
        final int[] pid;
        int size;

        Preds(int capacity) {
            px = new double[capacity];
            py = new double[capacity];
            ps = new double[capacity];
            pid = new int[capacity];
        }
    }

    private interface ScoreSink {
        void frame(Preds preds, Set<Integer> matchedIds);
    }

    /** One pass over all scenes at {@code threshold} (NaN: every prediction). */
    private void pass(double threshold, ClearMotCounts counts, ScoreSink scores) {
        int frameId = 0;
        for (int s = 0; s < scenes.size(); s++) {
            SceneTracks scene = scenes.get(s);
            MotFrameMatcher matcher = new MotFrameMatcher(scene.gtIds.size());
            for (int f = 0; f < scene.frames(); f++) {
                SceneTracks.Frame g = scene.gt[f];
                int[] oids = new int[g.size()];
                double[] gx = new double[g.size()];
                double[] gy = new double[g.size()];
                int n = 0;
                for (int i = 0; i < g.size(); i++) {
                    if (g.cls[i] == cls) {
                        oids[n] = g.id[i];
                        gx[n] = g.x[i];
                        gy[n++] = g.y[i];
                    }
                }
                Preds pr = preds(scene.pred[f], threshold);
                if (n == 0 && pr.size == 0) {
                    continue;
                }
                double[] dist = n > 0 && pr.size > 0
                        ? CentreDistances.compute(gx, gy, n, pr.px, pr.py, pr.size, cfg.distThTpM()) : new double[0];
                if (counts != null) {
                    counts.frame();
                    matcher.update(oids, n, pr.pid, pr.size, dist, counting(counts, objectOffset[s], oids, frameId));
                } else {
                    Set<Integer> matched = new HashSet<>();
                    matcher.update(oids, n, pr.pid, pr.size, dist, (i, j, d, isSwitch) -> {
                        if (!isSwitch) {
                            matched.add(pr.pid[j]);
                        }
                    });
                    scores.frame(pr, matched);
                }
                frameId++;
            }
        }
    }

    private Preds preds(SceneTracks.Frame p, double threshold) {
        Preds pr = new Preds(p.size());
        for (int j = 0; j < p.size(); j++) {
            if (p.cls[j] == cls && (Double.isNaN(threshold) || p.score[j] >= threshold)) {
                pr.px[pr.size] = p.x[j];
                pr.py[pr.size] = p.y[j];
                pr.ps[pr.size] = p.score[j];
                pr.pid[pr.size++] = p.id[j];
            }
        }
        return pr;
    }

    private static MotFrameMatcher.Events counting(ClearMotCounts counts, int offset, int[] oids, int frame) {
        return new MotFrameMatcher.Events() {
            @Override
            public void match(int i, int j, double d, boolean isSwitch) {
                counts.match(offset + oids[i], frame, d, isSwitch);
            }

            @Override
            public void miss(int i) {
                counts.miss(offset + oids[i], frame);
            }

            @Override
            public void falsePositive(int j) {
                counts.falsePositive();
            }
        };
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double v : a) {
            out.add(v);
        }
        return out;
    }
}
