/**
 * The synthetic world as the sensors see it at one instant: the road surface (lanes, markings,
 * kerbs, crosswalks, potholes), solid oriented boxes (building walls and actor parts) and the ray
 * casting shared by the lidar and camera simulators. World frame: x east, y north, z up, metres,
 * ground at z = 0.
 */
package io.avreplay.scenario.synth.world;
