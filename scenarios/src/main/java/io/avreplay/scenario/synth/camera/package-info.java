/**
 * Pinhole camera simulation: ray-cast rendering of a {@link io.avreplay.scenario.synth.world.Scene}
 * (sky, road surface with markings and potholes, shaded walls and actor parts, fog, night and rain)
 * with an object-id buffer for occlusion-aware 2D ground truth, and JPEG/PNG encoding through OpenCV.
 */
package io.avreplay.scenario.synth.camera;
