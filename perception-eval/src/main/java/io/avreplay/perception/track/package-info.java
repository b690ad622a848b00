/**
 * Multi-object tracking of 3D detections: {@link io.avreplay.perception.track.Tracker}, a greedy
 * closest-distance tracker with constant-velocity prediction in the style of CenterPoint, configured by
 * {@link io.avreplay.perception.track.TrackerParams}. Frames of ego-frame detections and ego poses go in
 * ({@link io.avreplay.perception.track.TrackerFrame}); the same detections come out with a track id, a
 * track score and a velocity estimated from the track. Plain records only; no model type appears here.
 */
package io.avreplay.perception.track;
