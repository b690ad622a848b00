/**
 * Takes ground truth, detections and whole logs out to the formats other tools read: the nuScenes
 * detection submission JSON, KITTI {@code label_2} text, COCO instances and results JSON, flat
 * Arrow/Feather tables for pandas or polars (schema in {@code docs/export-formats.md}) and MP4 video of
 * a camera stream. Every file is written to a temporary sibling and renamed into place, so a failed
 * export never leaves half a file. Detections come in as plain records of this package
 * ({@link io.avreplay.replay.export.Detection3dExport}, {@link io.avreplay.replay.export.Detection2dExport});
 * ground truth comes from a log.
 */
package io.avreplay.replay.export;
