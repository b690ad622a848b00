package io.avreplay.scenario.synth.world;

/**
 * Counter-based random numbers: a pure function of (seed, stream, counter), so that any thread can
 * draw the number of any ray or pixel without shared state and the result never depends on
 * scheduling. SplitMix64 finaliser over a combined key.
 */
public final class CounterRng {
    private CounterRng() {
    }

    /** @return 64 well-mixed bits for the key */
    public static long bits(long seed, long stream, long counter) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + counter * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        z = (z + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }

    /** @return a uniform double in [0, 1) */
    public static double uniform(long seed, long stream, long counter) {
        return (bits(seed, stream, counter) >>> 11) * 0x1.0p-53;
    }

    /** @return a standard normal deviate (Box–Muller over two counters) */
    public static double gaussian(long seed, long stream, long counter) {
        double u1 = Math.max(1e-12, uniform(seed, stream, 2 * counter));
        double u2 = uniform(seed, stream, 2 * counter + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
