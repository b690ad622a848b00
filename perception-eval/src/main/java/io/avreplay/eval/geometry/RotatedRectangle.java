package io.avreplay.eval.geometry;

/**
 * A rectangle in the plane turned by an angle, as the KITTI devkit builds bird's-eye-view footprints in
 * the camera's (x, z) plane: corners {@code R * (+-l/2, +-w/2) + (cx, cz)} with
 * {@code R = [[cos a, sin a], [-sin a, cos a]]}. Units are the caller's (metres for KITTI).
 *
 * @param cx     centre, first coordinate
 * @param cz     centre, second coordinate
 * @param length extent along the rectangle's first axis
 * @param width  extent along its second axis
 * @param angle  rotation, radians
 */
public record RotatedRectangle(double cx, double cz, double length, double width, double angle) {
    /** @return the corner coordinates {xs, zs} */
    public double[][] corners() {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] lx = {length / 2, length / 2, -length / 2, -length / 2};
        double[] wz = {width / 2, -width / 2, -width / 2, width / 2};
        double[] xs = new double[4];
        double[] zs = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = c * lx[i] + s * wz[i] + cx;
            zs[i] = -s * lx[i] + c * wz[i] + cz;
        }
        return new double[][] {xs, zs};
    }

    /** @return the area */
    public double area() {
        double[][] c = corners();
        return ConvexPolygons.area(c[0], c[1]);
    }

    /** @return the area of the intersection with another rectangle */
    public double intersectionArea(RotatedRectangle o) {
        double[][] a = corners();
        double[][] b = o.corners();
        return ConvexPolygons.intersectionArea(a[0], a[1], b[0], b[1]);
    }

    /** @return intersection over union, 0 when disjoint */
    public double iou(RotatedRectangle o) {
        double inter = intersectionArea(o);
        return inter <= 0 ? 0 : inter / (area() + o.area() - inter);
    }
}
