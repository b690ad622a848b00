package io.avreplay.perception.train;

/**
 * One training or evaluation example: a frame of a sensor stream and the annotation frame at its time.
 *
 * @param log        index into the {@link LogSet}
 * @param sensorId   the lidar or camera sensor
 * @param frame      frame index in the sensor stream
 * @param annotation frame index in the matching annotation stream
 */
record Sample(int log, String sensorId, int frame, int annotation) {
}
