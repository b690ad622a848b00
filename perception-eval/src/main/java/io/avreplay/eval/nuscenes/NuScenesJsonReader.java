package io.avreplay.eval.nuscenes;

import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.BikeRack;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import io.avreplay.replay.export.NuScenesBox;
import io.avreplay.replay.export.NuScenesSubmissionReader;
import io.avreplay.replay.export.NuScenesSubmissionReader.Content;
import io.avreplay.replay.export.NuScenesSubmissionReader.Rules;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads nuScenes submission-shaped JSON for evaluation through the one strict reader
 * ({@link NuScenesSubmissionReader}, replay-core), with the evaluation's class and attribute vocabulary
 * ({@link NuScenesConfig#DETECTION_NAMES}, {@link NuScenesConfig#ATTRIBUTE_NAMES}); boxes are in the world
 * frame. Errors are {@link io.avreplay.error.BadInputException}s naming file, line and column, record and field.
 * Stateless.
 */
final class NuScenesJsonReader {
    private NuScenesJsonReader() {
    }

    /** @throws io.avreplay.error.BadInputException when the file is unreadable, malformed or holds an invalid box */
    static NuScenesGroundTruth readGroundTruth(Path file) {
        Content c = NuScenesSubmissionReader.read(file, rules(true));
        List<InSample<GroundTruth3d>> gt = new ArrayList<>(c.boxes().size());
        for (NuScenesBox b : c.boxes()) {
            gt.add(new InSample<>(b.sampleToken(), new GroundTruth3d(b.box(BoxFrame.WORLD), b.name(), "",
                    b.numPoints(), b.vx(), b.vy(), Detection3d.attributeList(b.attribute()), Float.NaN)));
        }
        Map<String, EgoPosition> ego = new LinkedHashMap<>();
        c.egoPoses().forEach((k, v) -> ego.put(k, new EgoPosition(v.x(), v.y(), v.z())));
        Map<String, List<BikeRack>> racks = new LinkedHashMap<>();
        c.bikeRacks().forEach((k, v) -> racks.put(k, v.stream().map(NuScenesJsonReader::rack).toList()));
        return new NuScenesGroundTruth(gt, c.samples(), ego, racks);
    }

    /** @throws io.avreplay.error.BadInputException when the file is unreadable, malformed or holds an invalid box */
    static List<InSample<Detection3d>> readPredictions(Path file) {
        Content c = NuScenesSubmissionReader.read(file, rules(false));
        List<InSample<Detection3d>> preds = new ArrayList<>(c.boxes().size());
        for (NuScenesBox b : c.boxes()) {
            preds.add(new InSample<>(b.sampleToken(), new Detection3d(b.box(BoxFrame.WORLD), b.name(), b.score(),
                    b.vx(), b.vy(), Detection3d.attributeList(b.attribute()), Detection3d.NO_TRACK, Double.NaN, "")));
        }
        return preds;
    }

    private static Rules rules(boolean groundTruth) {
        return new Rules(groundTruth, NuScenesConfig.DETECTION_NAMES, NuScenesConfig.ATTRIBUTE_NAMES, false);
    }

    private static BikeRack rack(NuScenesBox r) {
        var t = r.translation();
        var q = r.rotation();
        return new BikeRack(t.x(), t.y(), t.z(), r.width(), r.length(), r.height(), q.w(), q.x(), q.y(), q.z());
    }
}
