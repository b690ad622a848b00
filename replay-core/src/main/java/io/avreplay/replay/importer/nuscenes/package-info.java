/**
 * Imports nuScenes. Two source layouts are supported; entry point:
 * {@link io.avreplay.replay.importer.nuscenes.NuScenesImporter}.
 * <ul>
 * <li>The official v1.0 JSON tables: a dataroot holding {@code v1.0-<version>/} with {@code scene},
 * {@code sample}, {@code sample_data}, {@code ego_pose}, {@code calibrated_sensor}, {@code sensor},
 * {@code sample_annotation}, {@code instance}, {@code category}, {@code attribute} and {@code log}
 * ({@code .json}), and the files {@code sample_data.filename} names relative to the dataroot
 * ({@code samples/<CHANNEL>/*.pcd.bin|*.jpg}, {@code sweeps/...}). One log per scene. Tables are streamed
 * ({@link io.avreplay.replay.importer.nuscenes.Table}) and typed
 * ({@link io.avreplay.replay.importer.nuscenes.NuScenesTables}); a token that points nowhere is an error
 * naming both tables and records.</li>
 * <li>An mmdetection3d-style info file ({@code *.info.json}, info version 1.1: per sample
 * {@code ego2global}, {@code lidar_points.lidar2ego}, per camera {@code cam2ego}/{@code cam2img}, and
 * {@code instances} whose {@code bbox_3d = [x, y, z, l, w, h, yaw]} is the geometric centre in the
 * LIDAR_TOP frame), as the real sample in {@code shared/data/real/nuscenes-demo-sample} ships.</li>
 * </ul>
 */
package io.avreplay.replay.importer.nuscenes;
