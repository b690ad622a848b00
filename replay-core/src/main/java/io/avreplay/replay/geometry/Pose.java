package io.avreplay.replay.geometry;

import java.util.Objects;

/**
 * A rigid transform in SE(3) mapping points of a source frame into a target frame:
 * {@code p_target = rotation · p_source + translation} (metres). Names of fields that hold a pose say
 * which frames, e.g. {@code sensorToEgo}, {@code egoToWorld}.
 */
public record Pose(Quaternion rotation, Vec3 translation) {
    public static final Pose IDENTITY = new Pose(Quaternion.IDENTITY, Vec3.ZERO);

    public Pose {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(translation, "translation");
        if (!translation.isFinite()) {
            throw new IllegalArgumentException("translation must be finite, got " + translation);
        }
    }

    /** Maps a point from the source frame into the target frame. */
    public Vec3 apply(Vec3 p) {
        return rotation.rotate(p).plus(translation);
    }

    /** {@code this ∘ inner}: apply {@code inner} first, then this. */
    public Pose compose(Pose inner) {
        return new Pose(rotation.times(inner.rotation), apply(inner.translation));
    }

    public Pose inverse() {
        Quaternion inv = rotation.inverse();
        return new Pose(inv, inv.rotate(translation).times(-1));
    }

    /** Interpolates: slerp for rotation, linear for translation; {@code t} in [0, 1]. */
    public Pose interpolate(Pose o, double t) {
        return new Pose(rotation.slerp(o.rotation, t), translation.lerp(o.translation, t));
    }
}
