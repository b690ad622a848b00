package io.avreplay.scenario.synth.world;

/**
 * A depression in the road surface with an irregular outline: radius {@code r(θ) = radiusM · (0.75 +
 * 0.25·(0.6 sin(3θ + a) + 0.4 sin(5θ + b)))} around its centre, floor at {@code z = −depthM}.
 *
 * @param owner   the actor index of its ground truth
 * @param x, y    centre, world frame, metres
 * @param radiusM outer radius, metres, &gt; 0
 * @param depthM  depth of the floor below the road, metres, &gt; 0
 * @param phaseA, phaseB outline phases, radians
 */
public record Pothole(int owner, double x, double y, double radiusM, double depthM, double phaseA, double phaseB) {
    private static final int OUTLINE_SAMPLES = 180;

    public Pothole {
        if (!(radiusM > 0) || !(depthM > 0)) {
            throw new IllegalArgumentException("pothole radiusM and depthM must be > 0, got " + radiusM + ", " + depthM);
        }
    }

    /** @return true when {@code (px, py)} lies inside the outline */
    public boolean contains(double px, double py) {
        double dx = px - x;
        double dy = py - y;
        double d2 = dx * dx + dy * dy;
        if (d2 > radiusM * radiusM) {
            return false;
        }
        double r = outline(Math.atan2(dy, dx));
        return d2 <= r * r;
    }

    double outline(double theta) {
        return radiusM * (0.75 + 0.25 * (0.6 * Math.sin(3 * theta + phaseA) + 0.4 * Math.sin(5 * theta + phaseB)));
    }

    /** @return the outline's axis-aligned extent {@code {minX, maxX, minY, maxY}}, world frame, metres */
    public double[] extent() {
        double[] e = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < OUTLINE_SAMPLES; i++) {
            double th = 2 * Math.PI * i / OUTLINE_SAMPLES;
            double r = outline(th);
            double px = x + r * Math.cos(th);
            double py = y + r * Math.sin(th);
            e[0] = Math.min(e[0], px);
            e[1] = Math.max(e[1], px);
            e[2] = Math.min(e[2], py);
            e[3] = Math.max(e[3], py);
        }
        return e;
    }
}
