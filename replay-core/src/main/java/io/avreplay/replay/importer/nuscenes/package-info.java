/**
 * Imports nuScenes samples given as an mmdetection3d-style info file ({@code *.info.json}, info
 * version 1.1: per sample {@code ego2global}, {@code lidar_points.lidar2ego}, per camera
 * {@code cam2ego}/{@code cam2img}, and {@code instances} whose {@code bbox_3d = [x, y, z, l, w, h, yaw]}
 * is the geometric centre in the LIDAR_TOP frame). Entry point:
 * {@link io.avreplay.replay.importer.nuscenes.NuScenesImporter}.
 */
package io.avreplay.replay.importer.nuscenes;
