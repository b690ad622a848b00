/**
 * Imports Argoverse 2 sensor-dataset logs (Feather v2 = Arrow IPC files, LZ4-compressed) into logs.
 * Entry point: {@link io.avreplay.replay.importer.av2.Av2Importer}.
 *
 * <p>AV2 lidar sweeps are already merged (up and down lidar) and in the ego frame, so the log's lidar
 * {@code lidar} has an identity extrinsic. Cuboids are in the ego frame at the lidar timestamp with a
 * centre origin; their quaternion rotates object → ego and length runs along the object's x axis.
 */
package io.avreplay.replay.importer.av2;
