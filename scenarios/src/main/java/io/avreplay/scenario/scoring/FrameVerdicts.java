package io.avreplay.scenario.scoring;

import java.util.List;

/**
 * Each frame's verdict on one criterion at one level, for one filter. A frame with neither counted ground
 * truth nor detections in the filter is {@code EMPTY}; one whose criterion has no denominator is
 * {@code NOT_JUDGED}; neither is ever a pass. Pass rate = passing / judged frames (weighted), NaN when
 * nothing is judged. Immutable, thread-safe.
 */
public final class FrameVerdicts {
    /** One frame's verdict. */
    public enum Verdict { PASS, FAIL, NOT_JUDGED, EMPTY }

    private final Verdict[] verdicts;

    private FrameVerdicts(Verdict[] verdicts) {
        this.verdicts = verdicts;
    }

    /** Judges every frame. */
    public static FrameVerdicts of(List<MatchedFrame> frames, ObjectFilter filter, Criterion c, double level) {
        Verdict[] v = new Verdict[frames.size()];
        for (int f = 0; f < v.length; f++) {
            v[f] = judge(frames.get(f), filter, c, level);
        }
        return new FrameVerdicts(v);
    }

    /** @return the verdict of frame {@code f} */
    public Verdict verdict(int f) {
        return verdicts[f];
    }

    /** @return how many frames (weighted) have the verdict */
    public long count(Verdict which, int[] weights) {
        long n = 0;
        for (int f = 0; f < verdicts.length; f++) {
            n += verdicts[f] == which ? weights[f] : 0;
        }
        return n;
    }

    /** @return passing / judged frames, NaN when none is judged */
    public double passRate(int[] weights) {
        long pass = count(Verdict.PASS, weights);
        long judged = pass + count(Verdict.FAIL, weights);
        return judged == 0 ? Double.NaN : (double) pass / judged;
    }

    static Verdict judge(MatchedFrame fr, ObjectFilter filter, Criterion c, double level) {
        int truth = 0;
        int matched = 0;
        int agnostic = 0;
        int rightLabel = 0;
        double maxPos = Double.NaN;
        double maxVel = Double.NaN;
        double maxYaw = Double.NaN;
        for (ObjectRow g : fr.truth()) {
            if (Placement.truth(g, filter) != Placement.COUNTED) {
                continue;
            }
            truth++;
            if (!g.agnosticClass().isEmpty()) {
                agnostic++;
                rightLabel += g.agnosticClass().equals(g.category()) ? 1 : 0;
            }
            if (g.matched()) {
                matched++;
                maxPos = max(maxPos, g.error(ErrorQuantity.POS));
                maxVel = max(maxVel, g.error(ErrorQuantity.VEL));
                maxYaw = max(maxYaw, g.error(ErrorQuantity.YAW));
            }
        }
        int dets = 0;
        int tp = 0;
        for (ObjectRow d : fr.detections()) {
            Placement p = Placement.detection(fr, d, filter);
            dets += p == Placement.TRUE_POSITIVE || p == Placement.FALSE_POSITIVE ? 1 : 0;
            tp += p == Placement.TRUE_POSITIVE ? 1 : 0;
        }
        if (truth == 0 && dets == 0) {
            return Verdict.EMPTY;
        }
        double value = switch (c) {
            case TP_RATE -> truth == 0 ? Double.NaN : (double) matched / truth;
            case PRECISION -> dets == 0 ? Double.NaN : (double) tp / dets;
            case LABEL_ACCURACY -> agnostic == 0 ? Double.NaN : (double) rightLabel / agnostic;
            case POSITION_ERROR -> maxPos;
            case VELOCITY_ERROR -> maxVel;
            case YAW_ERROR -> maxYaw;
            case FRAME_AP -> truth == 0 ? Double.NaN : BinMetrics.of(List.of(fr), filter).ap(new int[] {1});
        };
        if (Double.isNaN(value)) {
            return Verdict.NOT_JUDGED;
        }
        return (c.atLeast() ? value >= level : value <= level) ? Verdict.PASS : Verdict.FAIL;
    }

    private static double max(double acc, double v) {
        return Double.isNaN(v) ? acc : Double.isNaN(acc) ? v : Math.max(acc, v);
    }
}
