package io.avreplay.scenario.synth.lidar;

/**
 * Lidar degradation.
 *
 * @param dropout       probability that a return is lost, 0..1
 * @param spurious      probability that a ray returns a near spurious point (rain, spray), 0..1
 * @param rangeNoiseM   standard deviation of Gaussian range noise, metres
 */
public record LidarNoise(double dropout, double spurious, double rangeNoiseM) {
    public LidarNoise {
        if (!(dropout >= 0 && dropout <= 1) || !(spurious >= 0 && spurious <= 1) || !(rangeNoiseM >= 0)) {
            throw new IllegalArgumentException("lidar noise out of range: dropout=" + dropout + " spurious=" + spurious
                    + " rangeNoiseM=" + rangeNoiseM);
        }
    }

    /** No noise at all (for geometry tests). */
    public static final LidarNoise NONE = new LidarNoise(0, 0, 0);
}
