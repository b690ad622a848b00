package io.avreplay.eval.detection;

/**
 * A ground-plane velocity in the world frame, metres per second. Either component is NaN when the
 * velocity is unknown (nuScenes writes {@code null}); errors against an unknown velocity are NaN and
 * are left out of the averages, as the nuScenes devkit does.
 *
 * @param vx velocity along world x, m/s, or NaN
 * @param vy velocity along world y, m/s, or NaN
 */
public record Velocity(double vx, double vy) {
    /** The unknown velocity. */
    public static final Velocity UNKNOWN = new Velocity(Double.NaN, Double.NaN);

    /** @throws IllegalArgumentException when a component is infinite */
    public Velocity {
        if (Double.isInfinite(vx) || Double.isInfinite(vy)) {
            throw new IllegalArgumentException("velocity must be finite or NaN, got [" + vx + ", " + vy + "]");
        }
    }
}
