package io.avreplay.scenario.scoring;

import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Matches one frame's detections to its ground truth, both in the ego frame, the nuScenes way: detections
 * in descending score order each take the nearest unmatched ground truth whose horizontal centre distance
 * is below the threshold. Done twice: within each class (the match every metric uses) and across classes
 * (for label accuracy and the confusion matrix). Categories are mapped to evaluation classes with
 * {@link CategoryTable#standard()}; objects outside {@code classes} are dropped. Stateless, thread-safe.
 */
public final class FrameMatcher {
    private final List<String> classes;
    private final double thresholdM;

    /**
     * @param classes    the evaluation classes kept
     * @param thresholdM centre-distance match threshold, metres, &gt; 0
     */
    public FrameMatcher(List<String> classes, double thresholdM) {
        if (!(thresholdM > 0) || Double.isInfinite(thresholdM)) {
            throw new IllegalArgumentException("match threshold must be finite and > 0 m, got " + thresholdM);
        }
        this.classes = List.copyOf(classes);
        this.thresholdM = thresholdM;
    }

    /** @return the match threshold, metres */
    public double thresholdM() {
        return thresholdM;
    }

    /** Matches one frame. */
    public MatchedFrame match(String logId, long timestampNs, List<GroundTruth3d> truth, List<Detection3d> detections) {
        List<GroundTruth3d> gts = new ArrayList<>();
        List<String> gtCls = new ArrayList<>();
        for (GroundTruth3d g : truth) {
            Optional<String> c = CategoryTable.standard().nuScenesClass(g.category()).filter(classes::contains);
            if (c.isPresent()) {
                gts.add(g);
                gtCls.add(c.get());
            }
        }
        List<Detection3d> dets = new ArrayList<>();
        List<String> detCls = new ArrayList<>();
        for (Detection3d d : detections) {
            Optional<String> c = CategoryTable.standard().nuScenesClass(d.category()).filter(classes::contains);
            if (c.isPresent()) {
                dets.add(d);
                detCls.add(c.get());
            }
        }
        Integer[] order = new Integer[dets.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -dets.get(i).score()));
        int[] gtPartner = new int[gts.size()];
        int[] detPartner = greedy(order, gts, gtCls, dets, detCls, true, gtPartner);
        int[] gtAgn = new int[gts.size()];
        int[] detAgn = greedy(order, gts, gtCls, dets, detCls, false, gtAgn);
        List<ObjectRow> gtRows = new ArrayList<>(gts.size());
        for (int i = 0; i < gts.size(); i++) {
            GroundTruth3d g = gts.get(i);
            int p = gtPartner[i];
            double[] e = p < 0 ? NO_ERRORS : errors(g, dets.get(p));
            gtRows.add(new ObjectRow(ObjectRow.Role.TRUTH, gtCls.get(i), g.trackId(), Double.NaN, g.box().x(), g.box().y(),
                    g.numPoints(), g.visibility(), p, gtAgn[i] < 0 ? "" : detCls.get(gtAgn[i]), e[0], e[1], e[2], e[3],
                    e[4]));
        }
        List<ObjectRow> detRows = new ArrayList<>(dets.size());
        for (int j = 0; j < dets.size(); j++) {
            Detection3d d = dets.get(j);
            int p = detPartner[j];
            double[] e = p < 0 ? NO_ERRORS : errors(gts.get(p), d);
            detRows.add(new ObjectRow(ObjectRow.Role.DETECTION, detCls.get(j), d.trackId(), d.score(), d.box().x(),
                    d.box().y(), -1, Double.NaN, p, detAgn[j] < 0 ? "" : gtCls.get(detAgn[j]), e[0], e[1], e[2], e[3],
                    e[4]));
        }
        return new MatchedFrame(logId, timestampNs, gtRows, detRows);
    }

    private static final double[] NO_ERRORS = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    /** @return per detection its ground-truth partner (-1 none); fills {@code gtPartner} the other way */
    private int[] greedy(Integer[] order, List<GroundTruth3d> gts, List<String> gtCls, List<Detection3d> dets,
            List<String> detCls, boolean sameClass, int[] gtPartner) {
        Arrays.fill(gtPartner, -1);
        int[] detPartner = new int[dets.size()];
        Arrays.fill(detPartner, -1);
        for (int j : order) {
            Box3d d = dets.get(j).box();
            int best = -1;
            double bestDist = thresholdM;
            for (int i = 0; i < gts.size(); i++) {
                if (gtPartner[i] >= 0 || (sameClass && !gtCls.get(i).equals(detCls.get(j)))) {
                    continue;
                }
                double dist = Math.hypot(gts.get(i).box().x() - d.x(), gts.get(i).box().y() - d.y());
                if (dist < bestDist) {
                    bestDist = dist;
                    best = i;
                }
            }
            if (best >= 0) {
                gtPartner[best] = j;
                detPartner[j] = best;
            }
        }
        return detPartner;
    }

    /** long, lat (signed, in the truth's heading frame), |yaw|, size norm, velocity norm (NaN when unknown). */
    static double[] errors(GroundTruth3d g, Detection3d d) {
        double dx = d.box().x() - g.box().x();
        double dy = d.box().y() - g.box().y();
        double c = Math.cos(g.box().yaw());
        double s = Math.sin(g.box().yaw());
        double yaw = Math.abs(Math.IEEEremainder(d.box().yaw() - g.box().yaw(), 2 * Math.PI));
        double size = Math.sqrt(sq(d.box().length() - g.box().length()) + sq(d.box().width() - g.box().width())
                + sq(d.box().height() - g.box().height()));
        double vel = g.hasVelocity() && Double.isFinite(d.vx()) && Double.isFinite(d.vy())
                ? Math.hypot(d.vx() - g.vx(), d.vy() - g.vy()) : Double.NaN;
        return new double[] {c * dx + s * dy, -s * dx + c * dy, yaw, size, vel};
    }

    private static double sq(double v) {
        return v * v;
    }
}
