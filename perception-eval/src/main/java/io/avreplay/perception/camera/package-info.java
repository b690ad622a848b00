/**
 * The camera 2D detector: JavaCV/OpenCV decode and resize, a small DL4J CenterNet (per-class centre
 * heatmap, sub-cell offset, log box size) and peak decoding with class-wise IoU NMS into pixel boxes of
 * the original image; plus an OpenCV HOG pedestrian baseline behind the same
 * {@link io.avreplay.perception.api.Detector} interface. What leaves is
 * {@link io.avreplay.replay.object.Detection2d}.
 */
package io.avreplay.perception.camera;
