package io.avreplay.eval.kitti;

import io.avreplay.eval.geometry.RotatedRectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * One frame's ground truth and detections with their overlaps precomputed for each box type: the
 * per-sample match data that KITTI accumulation is built from. Immutable.
 */
final class KittiFrame {
    static final int IMAGE = 0;
    static final int GROUND = 1;
    static final int BOX3D = 2;

    final String id;
    final List<KittiObject> gt;
    final List<KittiObject> det;
    final List<KittiObject> dontCare;
    /** [box type][det][gt]: intersection over union. */
    final double[][][] overlap;
    /** [box type][det][dontcare]: intersection over the detection's own area or volume. */
    final double[][][] dontCareOverlap;

    KittiFrame(String id, List<KittiObject> gt, List<KittiObject> det) {
        this.id = id;
        this.gt = List.copyOf(gt);
        this.det = List.copyOf(det);
        List<KittiObject> dc = new ArrayList<>();
        for (KittiObject g : gt) {
            if (g.type().equalsIgnoreCase("DontCare")) {
                dc.add(g);
            }
        }
        this.dontCare = List.copyOf(dc);
        overlap = new double[3][det.size()][gt.size()];
        dontCareOverlap = new double[3][det.size()][dc.size()];
        for (int d = 0; d < det.size(); d++) {
            for (int g = 0; g < gt.size(); g++) {
                for (int t = 0; t < 3; t++) {
                    overlap[t][d][g] = overlap(t, det.get(d), gt.get(g), false);
                }
            }
            for (int g = 0; g < dc.size(); g++) {
                for (int t = 0; t < 3; t++) {
                    dontCareOverlap[t][d][g] = overlap(t, det.get(d), dc.get(g), true);
                }
            }
        }
    }

    static double overlap(int type, KittiObject d, KittiObject g, boolean overDetection) {
        return switch (type) {
            case IMAGE -> imageOverlap(d, g, overDetection);
            case GROUND -> groundOverlap(d, g, overDetection);
            default -> box3dOverlap(d, g, overDetection);
        };
    }

    static double imageOverlap(KittiObject a, KittiObject b, boolean overA) {
        double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double areaA = (a.x2() - a.x1()) * (a.y2() - a.y1());
        double areaB = (b.x2() - b.x1()) * (b.y2() - b.y1());
        return overA ? inter / areaA : inter / (areaA + areaB - inter);
    }

    private static RotatedRectangle footprint(KittiObject o) {
        return new RotatedRectangle(o.x(), o.z(), o.length(), o.width(), o.rotationY());
    }

    static double groundOverlap(KittiObject d, KittiObject g, boolean overDetection) {
        RotatedRectangle dr = footprint(d);
        RotatedRectangle gr = footprint(g);
        double inter = dr.intersectionArea(gr);
        if (inter <= 0) {
            return 0;
        }
        return overDetection ? inter / dr.area() : inter / (dr.area() + gr.area() - inter);
    }

    static double box3dOverlap(KittiObject d, KittiObject g, boolean overDetection) {
        double inter = footprint(d).intersectionArea(footprint(g));
        double yMax = Math.min(d.y(), g.y());
        double yMin = Math.max(d.y() - d.height(), g.y() - g.height());
        double interVol = inter * Math.max(0.0, yMax - yMin);
        double detVol = d.height() * d.length() * d.width();
        double gtVol = g.height() * g.length() * g.width();
        if (interVol <= 0) {
            return 0;
        }
        return overDetection ? interVol / detVol : interVol / (detVol + gtVol - interVol);
    }
}
