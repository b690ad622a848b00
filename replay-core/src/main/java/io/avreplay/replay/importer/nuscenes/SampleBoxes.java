package io.avreplay.replay.importer.nuscenes;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.Annotation;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.Instance;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.replay.object.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a sample's {@code sample_annotation} rows (global frame) into ego-frame ground truth at one ego
 * pose. Velocity follows the devkit's {@code box_velocity}: the centre difference to the same instance's
 * previous and next annotations (one-sided at a track's ends) over the samples' time difference, NaN for a
 * single annotation or when the time span exceeds 1.5 s (3 s when centred); it is then rotated into the ego
 * frame. Not thread-safe (caches the per-sample grouping).
 */
final class SampleBoxes {
    private static final double MAX_TIME_DIFF_S = 1.5;

    private final NuScenesTables tables;
    private final Map<String, List<Annotation>> bySample = new HashMap<>();

    SampleBoxes(NuScenesTables tables) {
        this.tables = tables;
        for (Annotation a : tables.annotations.rows()) {
            bySample.computeIfAbsent(a.sampleToken(), k -> new ArrayList<>()).add(a);
        }
    }

    /**
     * @param sampleToken the key frame's sample
     * @param egoToWorld  the ego pose of the key-frame lidar sample_data (ego → global)
     * @return the boxes in the ego frame, in file order; track id = {@code instance_token}
     */
    List<GroundTruth3d> egoFrame(String sampleToken, Pose egoToWorld) {
        Pose worldToEgo = egoToWorld.inverse();
        List<GroundTruth3d> out = new ArrayList<>();
        for (Annotation a : bySample.getOrDefault(sampleToken, List.of())) {
            Instance inst = tables.instances.get(a.instanceToken(), "sample_annotation", a.token(), "instance_token");
            String category = tables.categories.get(inst.categoryToken(), "instance", inst.token(), "category_token").name();
            String attribute = a.attributeTokens().isEmpty() ? ""
                    : tables.attributes.get(a.attributeTokens().get(0), "sample_annotation", a.token(), "attribute_tokens").name();
            Quaternion q = worldToEgo.rotation().times(a.rotation());
            Box3d box = Box3d.ego(worldToEgo.apply(a.centre()), a.size()[1], a.size()[0], a.size()[2], q.yaw());
            Vec3 v = worldToEgo.rotation().rotate(velocity(a));
            String name = CategoryTable.standard().evalClass(Taxonomy.NUSCENES, category).orElse(category);
            out.add(new GroundTruth3d(box, name, a.instanceToken(), a.numLidarPts(), v.x(), v.y(),
                    Detection3d.attributeList(attribute), Float.NaN));
        }
        return out;
    }

    /** Global-frame velocity, m/s, NaN components when unknown (see the class comment). */
    Vec3 velocity(Annotation a) {
        boolean hasPrev = !a.prev().isEmpty();
        boolean hasNext = !a.next().isEmpty();
        Vec3 nan = new Vec3(Double.NaN, Double.NaN, Double.NaN);
        if (!hasPrev && !hasNext) {
            return nan;
        }
        Annotation first = hasPrev ? tables.annotations.get(a.prev(), "sample_annotation", a.token(), "prev") : a;
        Annotation last = hasNext ? tables.annotations.get(a.next(), "sample_annotation", a.token(), "next") : a;
        double dt = 1e-6 * (timeUs(last) - timeUs(first));
        double max = hasPrev && hasNext ? 2 * MAX_TIME_DIFF_S : MAX_TIME_DIFF_S;
        if (dt > max || !(dt > 0)) {
            return nan;
        }
        return last.centre().minus(first.centre()).times(1 / dt);
    }

    private long timeUs(Annotation a) {
        return tables.samples.get(a.sampleToken(), "sample_annotation", a.token(), "sample_token").timestampUs();
    }
}
