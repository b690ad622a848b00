/**
 * Planar geometry for box overlaps: the intersection area of two convex polygons and rotated
 * rectangles, as the KITTI devkit uses for bird's-eye-view and 3D IoU.
 */
package io.avreplay.eval.geometry;
