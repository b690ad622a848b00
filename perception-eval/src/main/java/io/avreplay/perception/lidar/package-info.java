/**
 * The lidar 3D detector: a bird's-eye-view featurizer on primitive arrays, a small CenterPoint-style
 * DL4J network (per-class centre heatmap, sub-cell offset, z, log size, yaw sin/cos), and peak decoding
 * with 3×3 max-pooling and centre-distance NMS into ego-frame boxes. DL4J types stay in this package and
 * {@code perception.model}; what leaves is {@link io.avreplay.replay.object.Detection3d}.
 */
package io.avreplay.perception.lidar;
