package io.avreplay.eval.geometry;

/**
 * Areas of convex polygons and their intersections, in the plane. Polygons are given as coordinate
 * arrays of their vertices in order (either orientation, not repeated at the end). Pure and thread-safe.
 */
public final class ConvexPolygons {
    private ConvexPolygons() {
    }

    /** @return the (unsigned) area of the polygon */
    public static double area(double[] xs, double[] ys) {
        return Math.abs(signedArea(xs, ys, xs.length));
    }

    private static double signedArea(double[] xs, double[] ys, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            s += xs[i] * ys[j] - xs[j] * ys[i];
        }
        return s / 2;
    }

    /** @return the area of the intersection of two convex polygons, 0 when they are disjoint */
    public static double intersectionArea(double[] ax, double[] ay, double[] bx, double[] by) {
        double[][] a = counterClockwise(ax, ay);
        double[][] b = counterClockwise(bx, by);
        double[] px = a[0];
        double[] py = a[1];
        int n = px.length;
        int m = b[0].length;
        for (int e = 0; e < m && n > 0; e++) {
            double ex1 = b[0][e];
            double ey1 = b[1][e];
            double ex2 = b[0][(e + 1) % m];
            double ey2 = b[1][(e + 1) % m];
            double[] qx = new double[n * 2 + 2];
            double[] qy = new double[n * 2 + 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                double sx = px[i];
                double sy = py[i];
                double tx = px[(i + 1) % n];
                double ty = py[(i + 1) % n];
                double ds = side(ex1, ey1, ex2, ey2, sx, sy);
                double dt = side(ex1, ey1, ex2, ey2, tx, ty);
                if (ds >= 0) {
                    qx[k] = sx;
                    qy[k++] = sy;
                }
                if ((ds >= 0) != (dt >= 0)) {
                    double f = ds / (ds - dt);
                    qx[k] = sx + f * (tx - sx);
                    qy[k++] = sy + f * (ty - sy);
                }
            }
            px = java.util.Arrays.copyOf(qx, k);
            py = java.util.Arrays.copyOf(qy, k);
            n = k;
        }
        return n < 3 ? 0 : Math.abs(signedArea(px, py, n));
    }

    /** Positive when (px, py) is left of the directed edge. */
    private static double side(double x1, double y1, double x2, double y2, double px, double py) {
        return (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
    }

    private static double[][] counterClockwise(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with both coordinates");
        }
        if (signedArea(xs, ys, xs.length) >= 0) {
            return new double[][] {xs.clone(), ys.clone()};
        }
        int n = xs.length;
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int i = 0; i < n; i++) {
            rx[i] = xs[n - 1 - i];
            ry[i] = ys[n - 1 - i];
        }
        return new double[][] {rx, ry};
    }
}
