package io.avreplay.scenario.gate;

import io.avreplay.replay.log.Annotation3d;
import io.avreplay.replay.log.Box3d;

/** The five nuScenes true-positive errors of one match, and their weighted class means. Pure. */
final class TpErrors {
    /** Errors of a false positive: none. */
    static final double[] NONE = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    private TpErrors() {
    }

    /** @return {translation m, 1 − aligned IoU, |yaw| rad, velocity m/s, attribute 0/1}; NaN where undefined */
    static double[] of(EgoDetection d, Annotation3d g, String cls) {
        Box3d a = d.box();
        Box3d b = g.box();
        double trans = Math.hypot(a.centre().x() - b.centre().x(), a.centre().y() - b.centre().y());
        double inter = Math.min(a.length(), b.length()) * Math.min(a.width(), b.width()) * Math.min(a.height(), b.height());
        double va = a.length() * a.width() * a.height();
        double vb = b.length() * b.width() * b.height();
        double scale = 1 - inter / (va + vb - inter);
        double period = cls.equals("barrier") ? Math.PI : 2 * Math.PI;
        double diff = Math.abs(Math.IEEEremainder(a.yaw() - b.yaw(), period));
        double orient = cls.equals("traffic_cone") ? Double.NaN : diff;
        boolean staticClass = cls.equals("traffic_cone") || cls.equals("barrier");
        double vel = staticClass ? Double.NaN : Math.hypot(d.vx() - g.vx(), d.vy() - g.vy());
        double attr = staticClass || g.attribute().isEmpty() ? Double.NaN : (d.attribute().equals(g.attribute()) ? 0 : 1);
        return new double[] {trans, scale, orient, vel, attr};
    }

    /**
     * Weighted mean of error {@code m} over true positives at threshold index {@code k}; 1 when the class
     * has ground truth but no true positive (the devkit's empty curve); NaN when the class has no ground
     * truth or the error is undefined for every match.
     */
    static double classMean(CenterDistanceScorer.ClassData d, int m, int k, int[] w) {
        long npos = 0;
        for (int f = 0; f < w.length; f++) {
            npos += (long) w[f] * d.gtPerFrame()[f];
        }
        if (npos == 0) {
            return Double.NaN;
        }
        double sum = 0;
        long n = 0;
        boolean anyTp = false;
        for (int i = 0; i < d.predFrame().length; i++) {
            int wf = w[d.predFrame()[i]];
            if (wf == 0 || !d.tp()[k][i]) {
                continue;
            }
            anyTp = true;
            double e = d.errors()[m][i];
            if (!Double.isNaN(e)) {
                sum += wf * e;
                n += wf;
            }
        }
        if (!anyTp) {
            return 1;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
