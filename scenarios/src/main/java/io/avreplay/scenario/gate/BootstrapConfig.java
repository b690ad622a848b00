package io.avreplay.scenario.gate;

/**
 * How regression gates are tested: a paired bootstrap over frames.
 *
 * @param resamples  number of bootstrap resamples, 100..100000 (default {@value #DEFAULT_RESAMPLES})
 * @param confidence two-sided confidence level of the interval, in (0.5, 1) (default 0.95)
 * @param seed       random seed; a fixed seed makes every run give the same intervals
 */
public record BootstrapConfig(int resamples, double confidence, long seed) {
    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default seed. */
    public static final long DEFAULT_SEED = 20240607L;

    /** @throws IllegalArgumentException when a value is out of range */
    public BootstrapConfig {
        if (resamples < 100 || resamples > 100_000) {
            throw new IllegalArgumentException("resamples must be in [100, 100000], got " + resamples);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
        }
    }

    /** @return 1000 resamples, 95 %, the default seed */
    public static BootstrapConfig defaults() {
        return new BootstrapConfig(DEFAULT_RESAMPLES, 0.95, DEFAULT_SEED);
    }
}
