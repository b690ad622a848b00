package io.avreplay.replay.log;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import java.util.Objects;

/**
 * The ego vehicle's pose at one instant.
 *
 * @param timestampNs  ns
 * @param egoToWorld   maps ego-frame points into the world frame
 * @param velocity     linear velocity of the ego origin in the world frame, m/s
 */
public record EgoPose(long timestampNs, Pose egoToWorld, Vec3 velocity) {
    public EgoPose {
        Objects.requireNonNull(egoToWorld, "egoToWorld");
        Objects.requireNonNull(velocity, "velocity");
    }
}
