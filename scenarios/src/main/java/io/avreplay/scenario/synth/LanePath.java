package io.avreplay.scenario.synth;

/**
 * A polyline path in the world frame (metres) parametrised by arc length;
 * beyond its ends it extends straight. Immutable.
 */
final class LanePath {
    private final double[] px;
    private final double[] py;
    private final double[] s;
    private final double[] heading;

    private LanePath(double[] px, double[] py) {
        this.px = px;
        this.py = py;
        int n = px.length;
        s = new double[n];
        heading = new double[n - 1];
        for (int i = 1; i < n; i++) {
            s[i] = s[i - 1] + Math.hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
            heading[i - 1] = Math.atan2(py[i] - py[i - 1], px[i] - px[i - 1]);
        }
    }

    static LanePath straight(double x0, double y0, double headingRad, double lengthM) {
        return new LanePath(new double[] {x0, x0 + lengthM * Math.cos(headingRad)},
                new double[] {y0, y0 + lengthM * Math.sin(headingRad)});
    }

    /** A → corner C → B with the corner rounded by a quadratic Bézier of tangent length {@code radiusM}. */
    static LanePath turn(double ax, double ay, double cx, double cy, double bx, double by, double radiusM) {
        double l1 = Math.hypot(cx - ax, cy - ay);
        double l2 = Math.hypot(bx - cx, by - cy);
        double r = Math.min(radiusM, Math.min(l1, l2) * 0.99);
        double sx = cx - (cx - ax) / l1 * r;
        double sy = cy - (cy - ay) / l1 * r;
        double ex = cx + (bx - cx) / l2 * r;
        double ey = cy + (by - cy) / l2 * r;
        int curve = 40;
        double[] xs = new double[curve + 3];
        double[] ys = new double[curve + 3];
        xs[0] = ax;
        ys[0] = ay;
        for (int i = 0; i <= curve; i++) {
            double t = (double) i / curve;
            double a = (1 - t) * (1 - t);
            double b = 2 * (1 - t) * t;
            double c = t * t;
            xs[i + 1] = a * sx + b * cx + c * ex;
            ys[i + 1] = a * sy + b * cy + c * ey;
        }
        xs[curve + 2] = bx;
        ys[curve + 2] = by;
        return new LanePath(xs, ys);
    }

    double length() {
        return s[s.length - 1];
    }

    /** Writes {@code x, y, heading} at arc length {@code at} (extrapolating straight beyond the ends). */
    void poseAt(double at, double[] out) {
        int seg = segment(at);
        double t = (at - s[seg]) / (s[seg + 1] - s[seg]);
        out[0] = px[seg] + t * (px[seg + 1] - px[seg]);
        out[1] = py[seg] + t * (py[seg + 1] - py[seg]);
        out[2] = heading[seg];
    }

    /** @return the largest curvature (1/m) over {@code [at, at + aheadM]} */
    double maxCurvature(double at, double aheadM) {
        double k = 0;
        int seg = segment(at);
        for (int i = seg; i + 1 < heading.length && s[i + 1] < at + aheadM; i++) {
            double d = Math.abs(angleDiff(heading[i + 1], heading[i]));
            double len = Math.max(1e-3, (s[i + 2] - s[i]) / 2);
            k = Math.max(k, d / len);
        }
        return k;
    }

    private int segment(double at) {
        int lo = 0;
        int hi = s.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (s[mid] <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    static double angleDiff(double a, double b) {
        double d = a - b;
        while (d > Math.PI) {
            d -= 2 * Math.PI;
        }
        while (d < -Math.PI) {
            d += 2 * Math.PI;
        }
        return d;
    }
}
