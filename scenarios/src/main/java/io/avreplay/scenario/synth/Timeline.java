package io.avreplay.scenario.synth;

/**
 * The recorded motion of every agent at a fixed step: position, heading and speed, world frame.
 * Sampled at any time by linear interpolation (heading along the shorter arc). Immutable after
 * {@link TrafficSim} fills it; thread-safe to read.
 */
final class Timeline {
    /** Simulation step, ns. */
    static final long STEP_NS = 10_000_000L;

    final int steps;
    final double[][] x;
    final double[][] y;
    final double[][] yaw;
    final double[][] speed;

    Timeline(int agents, int steps) {
        this.steps = steps;
        x = new double[agents][steps];
        y = new double[agents][steps];
        yaw = new double[agents][steps];
        speed = new double[agents][steps];
    }

    /**
     * Writes {@code x, y, yaw, vx, vy, speed} of an agent at {@code tNs} after the start (world frame,
     * velocity by central difference).
     */
    void sample(int agent, long tNs, double[] out) {
        double k = Math.max(0, Math.min(steps - 1, (double) tNs / STEP_NS));
        int i = Math.min(steps - 2, (int) Math.floor(k));
        double f = k - i;
        double[] ax = x[agent];
        double[] ay = y[agent];
        out[0] = ax[i] + f * (ax[i + 1] - ax[i]);
        out[1] = ay[i] + f * (ay[i + 1] - ay[i]);
        out[2] = yaw[agent][i] + f * LanePath.angleDiff(yaw[agent][i + 1], yaw[agent][i]);
        double dt = STEP_NS / 1e9;
        out[3] = (ax[i + 1] - ax[i]) / dt;
        out[4] = (ay[i + 1] - ay[i]) / dt;
        out[5] = speed[agent][i] + f * (speed[agent][i + 1] - speed[agent][i]);
    }
}
