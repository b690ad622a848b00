/**
 * The shared vocabulary for objects in a scene, used from the log through the detector to the metrics,
 * gates and exporters: one 3D box ({@link io.avreplay.replay.object.Box3d}, with its
 * {@link io.avreplay.replay.object.BoxFrame}), one 2D box ({@link io.avreplay.replay.object.Box2d}), one
 * detection record per dimension ({@link io.avreplay.replay.object.Detection3d},
 * {@link io.avreplay.replay.object.Detection2d}), one ground-truth record per dimension
 * ({@link io.avreplay.replay.object.GroundTruth3d}, {@link io.avreplay.replay.object.GroundTruth2d}) and one
 * category table ({@link io.avreplay.replay.object.CategoryTable}, data in {@code categories.csv}) from every
 * source taxonomy ({@link io.avreplay.replay.object.Taxonomy}) to the evaluation classes.
 *
 * <p>Plain immutable records, validated on construction; no nullable fields. A file format's field order
 * (nuScenes' {@code size = [w, l, h]}, KITTI's {@code h w l}, COCO's {@code [x, y, w, h]}) lives only in
 * that format's reader and writer, which build these records by field name.
 *
 * <p>Conventions: distances metres, angles radians, velocities metres per second, pixels 0-based.
 */
package io.avreplay.replay.object;
