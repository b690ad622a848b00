package io.avreplay.eval.detection;

import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.Objects;

/**
 * A shared object record ({@link Detection3d}, {@link GroundTruth3d}) placed in a benchmark sample: the
 * key nuScenes groups boxes by. The object itself carries box, class, score and velocity.
 *
 * @param sampleToken the sample (key frame) the object belongs to, non-empty
 * @param object      the detection or ground-truth object
 * @param <T>         the object record type
 */
public record InSample<T>(String sampleToken, T object) {
    public InSample {
        Objects.requireNonNull(sampleToken, "sampleToken");
        Objects.requireNonNull(object, "object");
        if (sampleToken.isEmpty()) {
            throw new IllegalArgumentException("sampleToken must not be empty");
        }
    }
}
