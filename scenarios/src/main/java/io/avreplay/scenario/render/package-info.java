/**
 * Pictures of a log for people: each camera frame with its 2D ground-truth boxes drawn on it, and a
 * bird's-eye view of a lidar sweep with its 3D boxes, as PNG files.
 */
package io.avreplay.scenario.render;
