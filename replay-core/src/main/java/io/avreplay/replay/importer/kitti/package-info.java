/**
 * Imports the KITTI 3D object benchmark layout ({@code image_2}, {@code velodyne}, {@code label_2},
 * {@code calib}) into logs. Entry point: {@link io.avreplay.replay.importer.kitti.KittiImporter}.
 *
 * <p>Frames: the Velodyne frame is the ego frame (x forward, y left, z up). Labels are given in the
 * rectified camera-0 frame (x right, y down, z forward) with a bottom-centre origin and
 * {@code rotation_y} about the camera's y axis; they are converted to ego-frame boxes with a centre
 * origin and a yaw about +z. The log also carries the calibration of {@code image_0} (the rectified
 * camera-0 frame, intrinsics of {@code P0}) so exporters can go back to KITTI's label frame exactly.
 */
package io.avreplay.replay.importer.kitti;
