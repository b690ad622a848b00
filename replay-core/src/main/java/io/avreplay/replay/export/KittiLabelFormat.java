package io.avreplay.replay.export;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * KITTI {@code label_2} lines: {@code type truncated occluded alpha x1 y1 x2 y2 h w l x y z rotation_y
 * [score]}, 3D location the bottom centre in the rectified camera-0 frame (x right, y down, z forward),
 * {@code rotation_y} about camera y, 2D box in image pixels. Values are written with two decimals
 * (KITTI's own precision), the score with four.
 */
public final class KittiLabelFormat {
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("car", "Car"), Map.entry("van", "Van"),
            Map.entry("truck", "Truck"), Map.entry("pedestrian", "Pedestrian"),
            Map.entry("person_sitting", "Person_sitting"), Map.entry("cyclist", "Cyclist"),
            Map.entry("bicycle", "Cyclist"), Map.entry("tram", "Tram"), Map.entry("misc", "Misc"),
            Map.entry("dontcare", "DontCare"));

    private KittiLabelFormat() {
    }

    /**
     * One label line's values.
     *
     * @param type      KITTI type, e.g. {@code Car}, {@code DontCare}
     * @param truncated 0..1; −1 for DontCare
     * @param occluded  0..3; −1 for DontCare
     * @param alpha     observation angle, radians
     * @param bbox      {@code x1, y1, x2, y2}, px
     * @param h, w, l   size, metres
     * @param location  bottom centre, rectified camera-0 frame, metres
     * @param rotationY radians about camera y
     * @param score     confidence; NaN for ground truth (no score column)
     */
    public record KittiObject(String type, double truncated, int occluded, double alpha, double[] bbox, double h, double w,
            double l, Vec3 location, double rotationY, double score) {
        public KittiObject {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(location, "location");
            if (bbox.length != 4) {
                throw new IllegalArgumentException("bbox must have 4 values, got " + bbox.length);
            }
        }
    }

    /**
     * The KITTI type of one of our category names: KITTI's own types by name ({@code car} → {@code Car}),
     * {@code bicycle} → {@code Cyclist} (KITTI labels a bicycle with its rider as one Cyclist), anything else
     * → {@code Misc}, since the KITTI devkit knows only its eight types and would silently drop others.
     */
    public static String kittiType(String category) {
        return TYPES.getOrDefault(category.toLowerCase(Locale.ROOT), "Misc");
    }

    /**
     * Converts an ego-frame box into KITTI's label frame: the centre moves down (camera +y) by half the
     * height to the bottom centre; {@code rotation_y = atan2(−h_z, h_x)} of the heading in the camera frame;
     * {@code alpha = rotation_y − atan2(x, z)}, wrapped to (−π, π].
     *
     * @param egoToRect maps ego points into the rectified camera-0 frame
     */
    public static KittiObject fromEgo(String category, Box3d box, double score, Pose egoToRect, double[] bbox,
            double truncated, int occluded) {
        Vec3 c = egoToRect.apply(box.centre());
        Vec3 bottom = new Vec3(c.x(), c.y() + box.height() / 2, c.z());
        Vec3 heading = egoToRect.rotation().rotate(new Vec3(Math.cos(box.yaw()), Math.sin(box.yaw()), 0));
        double ry = Math.atan2(-heading.z(), heading.x());
        double alpha = wrap(ry - Math.atan2(bottom.x(), bottom.z()));
        return new KittiObject(kittiType(category), truncated, occluded, alpha, bbox, box.height(), box.width(),
                box.length(), bottom, ry, score);
    }

    /** A DontCare region. */
    public static KittiObject dontCare(double[] bbox) {
        return new KittiObject("DontCare", -1, -1, -10, bbox, -1, -1, -1, new Vec3(-1000, -1000, -1000), -10, Double.NaN);
    }

    /** @return the label line, without a newline */
    public static String line(KittiObject o) {
        if (o.type().equals("DontCare")) {
            return String.format(Locale.ROOT, "DontCare -1 -1 -10 %.2f %.2f %.2f %.2f -1 -1 -1 -1000 -1000 -1000 -10",
                    o.bbox()[0], o.bbox()[1], o.bbox()[2], o.bbox()[3]);
        }
        String s = String.format(Locale.ROOT, "%s %.2f %d %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f %.2f",
                o.type(), o.truncated(), o.occluded(), o.alpha(), o.bbox()[0], o.bbox()[1], o.bbox()[2], o.bbox()[3],
                o.h(), o.w(), o.l(), o.location().x(), o.location().y(), o.location().z(), o.rotationY());
        return Double.isNaN(o.score()) ? s : s + String.format(Locale.ROOT, " %.4f", o.score());
    }

    static double wrap(double a) {
        double r = Math.IEEEremainder(a, 2 * Math.PI);
        return r <= -Math.PI ? r + 2 * Math.PI : r;
    }
}
