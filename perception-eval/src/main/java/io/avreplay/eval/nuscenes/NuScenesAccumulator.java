package io.avreplay.eval.nuscenes;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.match.CenterDistanceMatcher;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.BikeRack;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Filters boxes as the devkit does and matches them into {@link NuScenesMetricData}. Stateless. */
final class NuScenesAccumulator {
    private static final EgoPosition ORIGIN = new EgoPosition(0, 0, 0);
    private static final int METRICS = TpMetric.values().length;

    private NuScenesAccumulator() {
    }

    /**
     * @throws BadInputException when a sample has more predictions than {@code max_boxes_per_sample}
     */
    static NuScenesMetricData accumulate(NuScenesConfig cfg, NuScenesGroundTruth gt,
            List<InSample<Detection3d>> preds) {
        Map<String, List<Detection3d>> predBySample = new LinkedHashMap<>();
        for (InSample<Detection3d> d : preds) {
            predBySample.computeIfAbsent(d.sampleToken(), k -> new ArrayList<>()).add(d.object());
        }
        for (Map.Entry<String, List<Detection3d>> e : predBySample.entrySet()) {
            if (e.getValue().size() > cfg.maxBoxesPerSample()) {
                throw new BadInputException("sample " + e.getKey() + " has " + e.getValue().size()
                        + " predictions, more than max_boxes_per_sample " + cfg.maxBoxesPerSample());
            }
        }
        Map<String, List<GroundTruth3d>> gtBySample = new LinkedHashMap<>();
        for (String s : gt.samples()) {
            gtBySample.put(s, new ArrayList<>());
        }
        for (InSample<GroundTruth3d> g : gt.boxes()) {
            gtBySample.computeIfAbsent(g.sampleToken(), k -> new ArrayList<>()).add(g.object());
        }
        int gtAfter = 0;
        for (Map.Entry<String, List<GroundTruth3d>> e : gtBySample.entrySet()) {
            e.setValue(filterGt(cfg, gt, e.getKey(), e.getValue()));
            gtAfter += e.getValue().size();
        }
        int predAfter = 0;
        int predsNoGt = 0;
        int samplesNoGt = 0;
        for (Map.Entry<String, List<Detection3d>> e : predBySample.entrySet()) {
            e.setValue(filterPred(cfg, gt, e.getKey(), e.getValue()));
            predAfter += e.getValue().size();
            if (!gtBySample.containsKey(e.getKey())) {
                samplesNoGt++;
                predsNoGt += e.getValue().size();
            }
        }
        Map<String, ClassMatches> classes = new LinkedHashMap<>();
        for (String c : cfg.classNames()) {
            classes.put(c, matchClass(cfg, c, gtBySample, predBySample));
        }
        Set<String> samples = new LinkedHashSet<>(gtBySample.keySet());
        samples.addAll(predBySample.keySet());
        var counts = new NuScenesMetricData.FilterCounts(gt.boxes().size(), gtAfter, preds.size(), predAfter,
                samples.size(), predsNoGt, samplesNoGt);
        return new NuScenesMetricData(cfg, classes, samples, counts);
    }

    private static List<GroundTruth3d> filterGt(NuScenesConfig cfg, NuScenesGroundTruth gt, String sample,
            List<GroundTruth3d> boxes) {
        List<GroundTruth3d> out = new ArrayList<>(boxes.size());
        for (GroundTruth3d g : boxes) {
            if (keep(cfg, gt, sample, g.category(), g.box()) && g.numPoints() != 0) {
                out.add(g);
            }
        }
        return out;
    }

    private static List<Detection3d> filterPred(NuScenesConfig cfg, NuScenesGroundTruth gt, String sample,
            List<Detection3d> boxes) {
        List<Detection3d> out = new ArrayList<>(boxes.size());
        for (Detection3d d : boxes) {
            if (keep(cfg, gt, sample, d.category(), d.box())) {
                out.add(d);
            }
        }
        return out;
    }

    /** Class range from the ego position (strict), then the bike-rack rule for bicycles and motorcycles. */
    private static boolean keep(NuScenesConfig cfg, NuScenesGroundTruth gt, String sample, String cls, Box3d b) {
        Double range = cfg.classRange().get(cls);
        if (range == null) {
            return false;
        }
        EgoPosition ego = gt.egoPoses().getOrDefault(sample, ORIGIN);
        double ex = b.x() - ego.x();
        double ey = b.y() - ego.y();
        if (!(Math.sqrt(ex * ex + ey * ey) < range)) {
            return false;
        }
        if (cls.equals("bicycle") || cls.equals("motorcycle")) {
            for (BikeRack r : gt.bikeRacks().getOrDefault(sample, List.of())) {
                if (r.contains(b.x(), b.y(), b.z())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ClassMatches matchClass(NuScenesConfig cfg, String cls, Map<String, List<GroundTruth3d>> gtBySample,
            Map<String, List<Detection3d>> predBySample) {
        int th = cfg.distThs().size();
        int npos = 0;
        Map<String, List<GroundTruth3d>> gtOfClass = new HashMap<>();
        for (Map.Entry<String, List<GroundTruth3d>> e : gtBySample.entrySet()) {
            List<GroundTruth3d> l = new ArrayList<>();
            for (GroundTruth3d g : e.getValue()) {
                if (g.category().equals(cls)) {
                    l.add(g);
                }
            }
            npos += l.size();
            if (!l.isEmpty()) {
                gtOfClass.put(e.getKey(), l);
            }
        }
        List<Detection3d> all = new ArrayList<>();
        List<int[]> sampleRanges = new ArrayList<>();
        List<String> sampleTokens = new ArrayList<>();
        for (Map.Entry<String, List<Detection3d>> e : predBySample.entrySet()) {
            int start = all.size();
            for (Detection3d d : e.getValue()) {
                if (d.category().equals(cls)) {
                    all.add(d);
                }
            }
            if (all.size() > start) {
                sampleRanges.add(new int[] {start, all.size()});
                sampleTokens.add(e.getKey());
            }
        }
        int n = all.size();
        double[] scores = new double[n];
        long[] order = new long[n];
        boolean[][] tp = new boolean[th][n];
        double[][][] err = new double[th][METRICS][n];
        for (double[][] a : err) {
            for (double[] b : a) {
                Arrays.fill(b, Double.NaN);
            }
        }
        for (int i = 0; i < n; i++) {
            scores[i] = all.get(i).score();
            order[i] = i;
        }
        for (int s = 0; s < sampleRanges.size(); s++) {
            matchSample(cfg, cls, all, sampleRanges.get(s), gtOfClass.getOrDefault(sampleTokens.get(s), List.of()),
                    tp, err);
        }
        return new ClassMatches(npos, scores, order, tp, err);
    }

    private static void matchSample(NuScenesConfig cfg, String cls, List<Detection3d> all, int[] range,
            List<GroundTruth3d> gts, boolean[][] tp, double[][][] err) {
        int from = range[0];
        int k = range[1] - from;
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) {
            idx[i] = from + i;
        }
        // Descending score; among equal scores the later prediction first (the devkit reverses an ascending
        // sort of (score, index) pairs).
        Arrays.sort(idx, (a, b) -> all.get(a).score() == all.get(b).score() ? Integer.compare(b, a)
                : Double.compare(all.get(b).score(), all.get(a).score()));
        double[] px = new double[k];
        double[] py = new double[k];
        for (int i = 0; i < k; i++) {
            px[i] = all.get(idx[i]).box().x();
            py[i] = all.get(idx[i]).box().y();
        }
        double[] gx = new double[gts.size()];
        double[] gy = new double[gts.size()];
        for (int g = 0; g < gx.length; g++) {
            gx[g] = gts.get(g).box().x();
            gy[g] = gts.get(g).box().y();
        }
        double period = cls.equals("barrier") ? Math.PI : 2 * Math.PI;
        for (int t = 0; t < tp.length; t++) {
            int[] m = CenterDistanceMatcher.match(px, py, gx, gy, cfg.distThs().get(t));
            for (int i = 0; i < k; i++) {
                if (m[i] < 0) {
                    continue;
                }
                int p = idx[i];
                Detection3d d = all.get(p);
                GroundTruth3d g = gts.get(m[i]);
                tp[t][p] = true;
                err[t][TpMetric.TRANS_ERR.ordinal()][p] = NuScenesGeometry.centerDistance(g.box(), d.box());
                err[t][TpMetric.VEL_ERR.ordinal()][p] = NuScenesGeometry.velocityL2(g.vx(), g.vy(), d.vx(), d.vy());
                err[t][TpMetric.SCALE_ERR.ordinal()][p] = 1 - NuScenesGeometry.scaleIou(g.box(), d.box());
                err[t][TpMetric.ORIENT_ERR.ordinal()][p] = NuScenesGeometry.yawDiff(g.box().yaw(), d.box().yaw(),
                        period);
                err[t][TpMetric.ATTR_ERR.ordinal()][p] = g.attribute().isEmpty() ? Double.NaN
                        : (g.attribute().equals(d.attribute()) ? 0.0 : 1.0);
            }
        }
    }
}
