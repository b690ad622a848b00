package io.avreplay.eval.tracking;

import java.util.List;

/**
 * A scene: its samples in time order.
 *
 * @param token   the scene token
 * @param name    the scene name, e.g. {@code scene-0003}
 * @param samples the samples, timestamps strictly increasing
 */
public record TrackingScene(String token, String name, List<Sample> samples) {
    /** @throws IllegalArgumentException when there is no sample or timestamps do not increase */
    public TrackingScene {
        if (token == null || name == null) {
            throw new IllegalArgumentException("tracking scene: token and name must be non-null");
        }
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("tracking scene " + name + ": has no samples");
        }
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).timestampUs() <= samples.get(i - 1).timestampUs()) {
                throw new IllegalArgumentException("tracking scene " + name + ": sample timestamps must increase, got "
                        + samples.get(i - 1).timestampUs() + " then " + samples.get(i).timestampUs());
            }
        }
    }

    /**
     * A keyframe.
     *
     * @param token       the sample token
     * @param timestampUs microseconds
     */
    public record Sample(String token, long timestampUs) {
        /** @throws IllegalArgumentException when the token is null */
        public Sample {
            if (token == null) {
                throw new IllegalArgumentException("tracking sample: token must be non-null");
            }
        }
    }
}
