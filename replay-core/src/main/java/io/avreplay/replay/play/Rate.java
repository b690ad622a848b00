package io.avreplay.replay.play;

/**
 * How fast a replay runs.
 *
 * @param factor multiple of real time (1.0 = as recorded, 2.0 = twice as fast), or
 *               {@code +Infinity} for as fast as possible (no waiting at all)
 */
public record Rate(double factor) {
    public Rate {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("rate factor must be > 0, got " + factor);
        }
    }

    /** No pacing: every frame is released as soon as it is decoded. */
    public static Rate asFastAsPossible() {
        return new Rate(Double.POSITIVE_INFINITY);
    }

    /** {@code factor} × real time. */
    public static Rate realTime(double factor) {
        return new Rate(factor);
    }

    /** @return true when frames are paced against the clock */
    public boolean isPaced() {
        return !Double.isInfinite(factor);
    }

    /** @return the wall time, ns, that {@code logNs} of log time takes at this rate */
    long wallNs(long logNs) {
        return isPaced() ? Math.round(logNs / factor) : 0;
    }
}
