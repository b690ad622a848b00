package io.avreplay.scenario.synth.world;

/**
 * The result of one ray cast, reused across rays by one thread (mutable on purpose: one object per
 * ray would dominate the cost of casting millions of rays). Not thread-safe.
 */
public final class Hit {
    /** Distance along the ray, units of |d|; {@code +∞} when nothing was hit. */
    public double t;
    /** Index of the hit box in the scene, or -1 for the ground or no hit. */
    public int box;
    /** Whether the ground was hit. */
    public boolean ground;

    public boolean isHit() {
        return t != Double.POSITIVE_INFINITY;
    }
}
