/**
 * Takes ground truth, detections and whole logs out to the formats other tools read: the nuScenes
 * detection submission JSON, KITTI {@code label_2} text, COCO instances and results JSON, flat
 * Arrow/Feather tables for pandas or polars (schema in {@code docs/export-formats.md}) and MP4 video of
 * a camera stream. Every file is written to a temporary sibling and renamed into place, so a failed
 * export never leaves half a file. Detections and ground truth come in as the shared records of
 * {@code io.avreplay.replay.object} ({@code Detection3d}, {@code GroundTruth3d}, {@code Detection2d}); each
 * format's field order (nuScenes {@code size = [w, l, h]}, KITTI {@code h w l}, COCO {@code [x, y, w, h]}) lives
 * only in its writer here. The nuScenes JSON shape also has its one strict reader here
 * ({@code NuScenesSubmissionReader}), which the evaluator and the gate's results directory parse through.
 */
package io.avreplay.replay.export;
