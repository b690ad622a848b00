/**
 * Entry point of perception: {@link io.avreplay.perception.Detectors} loads the default lidar and
 * camera models from the classpath, a saved model directory, or the OpenCV HOG baseline, and hands back
 * {@link io.avreplay.perception.api.Detector}s that take plain log records.
 */
package io.avreplay.perception;
