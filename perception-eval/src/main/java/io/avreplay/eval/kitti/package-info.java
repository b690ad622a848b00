/**
 * KITTI object evaluation with parity to the official devkit's {@code evaluate_object.cpp}: label
 * files, difficulty rules, neighbour classes and DontCare regions, 2D / bird's-eye-view / 3D overlaps,
 * the 41-point interpolated precision and AOS, AP|R40 and AP|R11, and renderers. Entry point:
 * {@link io.avreplay.eval.kitti.KittiEvaluator}.
 */
package io.avreplay.eval.kitti;
