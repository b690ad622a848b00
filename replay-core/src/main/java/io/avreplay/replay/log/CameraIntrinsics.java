package io.avreplay.replay.log;

import java.util.List;
import java.util.Objects;

/**
 * Pinhole intrinsics of a camera, in pixels, with an optional distortion model.
 *
 * @param fx, fy focal lengths, px
 * @param cx, cy principal point, px (0-based, from the top-left pixel corner)
 * @param width, height image size, px
 * @param distortionModel {@code none}, {@code radtan} (OpenCV k1 k2 p1 p2 [k3]) or another named model
 * @param distortionCoeffs the model's coefficients
 */
public record CameraIntrinsics(double fx, double fy, double cx, double cy, int width, int height,
        String distortionModel, List<Double> distortionCoeffs) {
    public CameraIntrinsics {
        if (!(fx > 0) || !(fy > 0)) {
            throw new IllegalArgumentException("focal lengths must be > 0, got fx=" + fx + " fy=" + fy);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be > 0, got " + width + "x" + height);
        }
        Objects.requireNonNull(distortionModel, "distortionModel");
        distortionCoeffs = List.copyOf(distortionCoeffs);
    }

    /** Undistorted pinhole intrinsics. */
    public static CameraIntrinsics pinhole(double fx, double fy, double cx, double cy, int width, int height) {
        return new CameraIntrinsics(fx, fy, cx, cy, width, height, "none", List.of());
    }

    /**
     * Projects a point in the camera frame (x right, y down, z forward) with the pinhole model.
     *
     * @return {@code {u, v}} in pixels, or {@code null}-free NaNs when the point is behind the camera
     */
    public double[] project(double x, double y, double z) {
        if (z <= 1e-6) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {fx * x / z + cx, fy * y / z + cy};
    }
}
