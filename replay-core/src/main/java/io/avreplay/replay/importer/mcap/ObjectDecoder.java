package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.ros2.RosStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 3D objects from {@code autoware_perception_msgs/msg/DetectedObjects} (class from the most probable
 * classification label, size from {@code shape.dimensions}: x length, y width, z height) and
 * {@code vision_msgs/msg/Detection3DArray} (class from the best hypothesis, {@code bbox.size} the same
 * way). Boxes stay in the message's frame; the importer moves them into the ego frame. Stateless.
 */
final class ObjectDecoder {
    /** Autoware's ObjectClassification labels 0..7. */
    private static final String[] AUTOWARE = {"unknown", "car", "truck", "bus", "trailer", "motorcycle", "bicycle", "pedestrian"};

    /**
     * One object in its message's frame.
     *
     * @param trackId  the detection id, or {@code <stamp>-<index>} when the message has none
     * @param boxToFrame the box centre and orientation, message frame
     * @param size     length, width, height, metres
     * @param velocity linear velocity in the box frame, m/s; NaN when not given
     */
    record FrameObject(String trackId, String category, Pose boxToFrame, Vec3 size, Vec3 velocity) {
    }

    private ObjectDecoder() {
    }

    static List<FrameObject> decode(RosStruct m, long stampNs) {
        List<FrameObject> out = new ArrayList<>();
        if (m.has("objects")) {
            List<RosStruct> objs = m.structs("objects");
            for (int i = 0; i < objs.size(); i++) {
                RosStruct o = objs.get(i);
                RosStruct kin = o.struct("kinematics");
                Vec3 v = new Vec3(Double.NaN, Double.NaN, Double.NaN);
                if (kin.has("has_twist") && kin.bool("has_twist")) {
                    v = RosGeometry.vector(kin.struct("twist_with_covariance").struct("twist").struct("linear"));
                }
                out.add(new FrameObject(stampNs + "-" + i, autowareClass(o.structs("classification")),
                        RosGeometry.pose(kin.struct("pose_with_covariance").struct("pose")),
                        RosGeometry.vector(o.struct("shape").struct("dimensions")), v));
            }
        } else {
            List<RosStruct> dets = m.structs("detections");
            for (int i = 0; i < dets.size(); i++) {
                RosStruct d = dets.get(i);
                RosStruct bbox = d.struct("bbox");
                String id = d.has("id") && !d.string("id").isEmpty() ? d.string("id") : stampNs + "-" + i;
                out.add(new FrameObject(id, visionClass(d.structs("results")), RosGeometry.pose(bbox.struct("center")),
                        RosGeometry.vector(bbox.struct("size")), new Vec3(Double.NaN, Double.NaN, Double.NaN)));
            }
        }
        return out;
    }

    private static String autowareClass(List<RosStruct> cls) {
        int best = 0;
        double p = -1;
        for (RosStruct c : cls) {
            if (c.number("probability") > p) {
                p = c.number("probability");
                best = (int) c.integer("label");
            }
        }
        return best >= 0 && best < AUTOWARE.length ? AUTOWARE[best] : "unknown";
    }

    private static String visionClass(List<RosStruct> results) {
        String best = "unknown";
        double p = Double.NEGATIVE_INFINITY;
        for (RosStruct r : results) {
            RosStruct h = r.has("hypothesis") ? r.struct("hypothesis") : r;
            if (h.number("score") > p) {
                p = h.number("score");
                best = h.string("class_id").toLowerCase(Locale.ROOT);
            }
        }
        return best.isEmpty() ? "unknown" : best;
    }
}
