package io.avreplay.replay.export;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The nuScenes detection submission JSON: {@code {"meta": {...}, "results": {sample_token: [box, ...]}}}
 * with each box {@code sample_token, translation [x,y,z], size [w,l,h], rotation [w,x,y,z],
 * velocity [vx,vy], detection_name, detection_score, attribute_name} in the global frame (metres,
 * m/s). Ego-frame boxes go to the global frame with the ego pose of their sample. Ground truth has
 * score −1 (the devkit's default for GT). Unknown velocity is written as {@code [NaN, NaN]} (the JSON
 * extension Python's {@code json} module reads): nuscenes-devkit's {@code DetectionBox} accepts NaN
 * velocities and leaves their errors out of the means, whereas {@code null} fails in its
 * {@code velocity_l2}. This class is the only place that knows the field order ({@code size = [w, l, h]}).
 */
public final class NuScenesSubmission {
    private NuScenesSubmission() {
    }

    /**
     * The boxes of one sample: detections, ground truth, or (rarely) both.
     *
     * @param sampleToken the nuScenes sample token (or another stable id of the lidar timestamp)
     * @param egoToWorld  the ego pose at the sample's timestamp
     * @param detections  detections, boxes in the ego frame; category = nuScenes detection name
     * @param groundTruth ground truth, boxes in the ego frame; category = nuScenes detection name
     */
    public record Sample(String sampleToken, Pose egoToWorld, List<Detection3d> detections,
            List<GroundTruth3d> groundTruth) {
        /** @throws IllegalArgumentException when a box is not in the ego frame */
        public Sample {
            Objects.requireNonNull(sampleToken, "sampleToken");
            Objects.requireNonNull(egoToWorld, "egoToWorld");
            detections = List.copyOf(detections);
            groundTruth = List.copyOf(groundTruth);
            for (Detection3d d : detections) {
                requireEgo(sampleToken, d.box());
            }
            for (GroundTruth3d g : groundTruth) {
                requireEgo(sampleToken, g.box());
            }
        }

        /** @return a sample of detections */
        public static Sample ofDetections(String sampleToken, Pose egoToWorld, List<Detection3d> detections) {
            return new Sample(sampleToken, egoToWorld, detections, List.of());
        }

        /** @return a sample of ground truth */
        public static Sample ofGroundTruth(String sampleToken, Pose egoToWorld, List<GroundTruth3d> groundTruth) {
            return new Sample(sampleToken, egoToWorld, List.of(), groundTruth);
        }

        private static void requireEgo(String sampleToken, Box3d box) {
            if (box.frame() != BoxFrame.EGO) {
                throw new IllegalArgumentException("sample " + sampleToken + ": boxes must be in the EGO frame, got "
                        + box.frame());
            }
        }
    }

    /**
     * Writes the submission atomically; {@code modality} are the {@code meta} flags (use_camera, use_lidar,
     * …). When the boxes are ground truth, each box also carries {@code num_pts} and the file an
     * {@code ego_poses} map {sample_token: [x, y, z]}, the shape {@code avreplay eval nuscenes --gt} reads.
     */
    public static void write(List<Sample> samples, Map<String, Boolean> modality, Path file) {
        ObjectMapper m = mapper();
        ObjectNode root = withMeta(m, modality);
        ObjectNode results = root.putObject("results");
        boolean groundTruth = false;
        for (Sample s : samples) {
            ArrayNode arr = results.putArray(s.sampleToken());
            for (Detection3d d : s.detections()) {
                ObjectNode o = box(m, s, d.box(), d.vx(), d.vy(), d.category());
                o.put("detection_score", d.score());
                o.put("attribute_name", d.attribute());
                arr.add(o);
            }
            for (GroundTruth3d g : s.groundTruth()) {
                ObjectNode o = box(m, s, g.box(), g.vx(), g.vy(), g.category());
                o.put("detection_score", -1.0);
                o.put("attribute_name", g.attribute());
                if (g.numPoints() >= 0) {
                    o.put("num_pts", g.numPoints());
                }
                arr.add(o);
                groundTruth = true;
            }
        }
        if (groundTruth) {
            // Ground truth carries the ego position of each sample (global frame), so an evaluator can
            // measure class ranges from the ego as the devkit does.
            ObjectNode ego = root.putObject("ego_poses");
            for (Sample s : samples) {
                Vec3 t = s.egoToWorld().translation();
                ego.putArray(s.sampleToken()).add(t.x()).add(t.y()).add(t.z());
            }
        }
        AtomicFile.write(file, tmp -> m.writeValue(tmp.toFile(), root));
    }

    /** The writer of both submissions: indented, NaN as a bare {@code NaN} (see the class comment). */
    static ObjectMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    }

    /** A submission's root holding its {@code meta} flags, each false unless {@code modality} sets it. */
    static ObjectNode withMeta(ObjectMapper m, Map<String, Boolean> modality) {
        ObjectNode root = m.createObjectNode();
        ObjectNode meta = root.putObject("meta");
        for (String k : List.of("use_camera", "use_lidar", "use_radar", "use_map", "use_external")) {
            meta.put(k, modality.getOrDefault(k, false));
        }
        return root;
    }

    static ObjectNode box(ObjectMapper m, Sample s, Box3d b, double vx, double vy, String name) {
        Pose p = s.egoToWorld();
        Vec3 c = p.apply(b.centre());
        Quaternion q = p.rotation().times(Quaternion.fromYaw(b.yaw()));
        Vec3 v = p.rotation().rotate(new Vec3(vx, vy, 0));
        ObjectNode o = m.createObjectNode();
        o.put("sample_token", s.sampleToken());
        o.putArray("translation").add(c.x()).add(c.y()).add(c.z());
        o.putArray("size").add(b.width()).add(b.length()).add(b.height());
        o.putArray("rotation").add(q.w()).add(q.x()).add(q.y()).add(q.z());
        ArrayNode vel = o.putArray("velocity");
        if (Double.isNaN(vx) || Double.isNaN(vy)) {
            vel.add(Double.NaN).add(Double.NaN);
        } else {
            vel.add(v.x()).add(v.y());
        }
        o.put("detection_name", name);
        return o;
    }

    /**
     * Reads a ground-truth file this class wrote back (world frame), keyed by sample token in file order,
     * through the one strict reader {@link NuScenesSubmissionReader} (any non-empty category is kept).
     *
     * @throws BadInputException naming the file, line:column, box and field on a malformed file or box
     */
    public static Map<String, List<GroundTruth3d>> readGroundTruth(Path file) {
        NuScenesSubmissionReader.Content c = NuScenesSubmissionReader.read(file,
                NuScenesSubmissionReader.Rules.anyGroundTruth());
        Map<String, List<GroundTruth3d>> out = new LinkedHashMap<>();
        for (String token : c.samples()) {
            out.putIfAbsent(token, new ArrayList<>());
        }
        for (NuScenesBox b : c.boxes()) {
            out.get(b.sampleToken()).add(new GroundTruth3d(b.box(BoxFrame.WORLD), b.name(), "", b.numPoints(),
                    b.vx(), b.vy(), Detection3d.attributeList(b.attribute()), Float.NaN));
        }
        return out;
    }
}
