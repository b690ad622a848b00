package io.avreplay.eval.nuscenes;

import io.avreplay.eval.detection.InSample;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a nuScenes evaluation, in memory.
 *
 * @param boxes      the ground-truth boxes, in file order; their sample tokens define the samples
 * @param samples    every sample token to be scored, in order, including samples with no boxes
 * @param egoPoses   sample token to the ego vehicle position {x, y, z} in the world frame, metres;
 *                   a sample without an entry has its ego vehicle at the origin
 * @param bikeRacks  sample token to the bicycle racks in it; bicycles and motorcycles whose centre
 *                   lies inside one are removed from ground truth and predictions, as the devkit does
 */
public record NuScenesGroundTruth(List<InSample<GroundTruth3d>> boxes, List<String> samples,
        Map<String, EgoPosition> egoPoses, Map<String, List<BikeRack>> bikeRacks) {
    /** Copies every collection; validates nothing beyond non-null. */
    public NuScenesGroundTruth {
        boxes = List.copyOf(boxes);
        samples = List.copyOf(new java.util.LinkedHashSet<>(samples));
        egoPoses = Collections.unmodifiableMap(new LinkedHashMap<>(egoPoses));
        Map<String, List<BikeRack>> racks = new LinkedHashMap<>();
        bikeRacks.forEach((k, v) -> racks.put(k, List.copyOf(v)));
        bikeRacks = Collections.unmodifiableMap(racks);
    }

    /** @return ground truth with the samples of {@code boxes}, no ego poses (origin) and no bike racks */
    public static NuScenesGroundTruth of(List<InSample<GroundTruth3d>> boxes) {
        List<String> samples = new ArrayList<>();
        boxes.forEach(b -> samples.add(b.sampleToken()));
        return new NuScenesGroundTruth(boxes, samples, Map.of(), Map.of());
    }

    /**
     * The ego vehicle position of a sample in the world frame.
     *
     * @param x metres
     * @param y metres
     * @param z metres
     */
    public record EgoPosition(double x, double y, double z) {
        /** @throws IllegalArgumentException when a coordinate is not finite */
        public EgoPosition {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                throw new IllegalArgumentException("ego pose must be finite, got [" + x + ", " + y + ", " + z + "]");
            }
        }
    }

    /**
     * A bicycle rack: an oriented 3D box in the world frame.
     *
     * @param x centre x, metres
     * @param y centre y, metres
     * @param z centre z, metres
     * @param width  metres, {@code > 0}
     * @param length metres, {@code > 0}
     * @param height metres, {@code > 0}
     * @param qw rotation quaternion w (need not be normalised)
     * @param qx rotation quaternion x
     * @param qy rotation quaternion y
     * @param qz rotation quaternion z
     */
    public record BikeRack(double x, double y, double z, double width, double length, double height,
            double qw, double qx, double qy, double qz) {
        /** @throws IllegalArgumentException when a size is not positive or the quaternion is zero */
        public BikeRack {
            if (!(width > 0) || !(length > 0) || !(height > 0)) {
                throw new IllegalArgumentException("bike rack size must be > 0, got [" + width + ", " + length
                        + ", " + height + "]");
            }
            if (!(qw * qw + qx * qx + qy * qy + qz * qz > 0)) {
                throw new IllegalArgumentException("bike rack rotation must be a non-zero quaternion");
            }
        }

        /** @return a rack turned by {@code yaw} radians about +z */
        public static BikeRack ofYaw(double x, double y, double z, double width, double length, double height,
                double yaw) {
            return new BikeRack(x, y, z, width, length, height, Math.cos(yaw / 2), 0, 0, Math.sin(yaw / 2));
        }

        /**
         * Whether a point lies inside the rack, faces included (the devkit's {@code points_in_box}).
         *
         * @param px world x, metres
         * @param py world y, metres
         * @param pz world z, metres
         */
        public boolean contains(double px, double py, double pz) {
            double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
            double w = qw / n;
            double a = qx / n;
            double b = qy / n;
            double c = qz / n;
            // Columns of the rotation matrix: the rack's local x, y, z axes in the world frame.
            double[] ex = {1 - 2 * (b * b + c * c), 2 * (a * b + w * c), 2 * (a * c - w * b)};
            double[] ey = {2 * (a * b - w * c), 1 - 2 * (a * a + c * c), 2 * (b * c + w * a)};
            double[] ez = {2 * (a * c + w * b), 2 * (b * c - w * a), 1 - 2 * (a * a + b * b)};
            double dx = px - x;
            double dy = py - y;
            double dz = pz - z;
            double lx = dx * ex[0] + dy * ex[1] + dz * ex[2];
            double ly = dx * ey[0] + dy * ey[1] + dz * ey[2];
            double lz = dx * ez[0] + dy * ez[1] + dz * ez[2];
            return Math.abs(lx) <= length / 2 && Math.abs(ly) <= width / 2 && Math.abs(lz) <= height / 2;
        }
    }
}
