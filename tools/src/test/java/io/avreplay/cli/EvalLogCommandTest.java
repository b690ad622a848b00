package io.avreplay.cli;

import io.avreplay.replay.log.SampleToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.replay.arrow.FixtureLogTest;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.arrow.memory.BufferAllocator;
import io.avreplay.replay.object.Detection3d;
import org.junit.jupiter.api.Test;

/** {@code eval log}: the log's ground truth, exported as detections, scores perfectly. */
class EvalLogCommandTest extends FixtureLogTest {
    /**
     * The fixture log's ground truth as nuScenes submission samples (world frame): each annotated frame's boxes
     * through {@code detect} (frame index, box) to the detection it becomes, if any.
     */
    static List<NuScenesSubmission.Sample> truthAsSamples(Path log, BufferAllocator allocator,
            BiFunction<Integer, GroundTruth3d, Optional<Detection3d>> detect) {
        List<NuScenesSubmission.Sample> samples = new ArrayList<>();
        try (LogReader r = LogReader.open(log, allocator)) {
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            for (int i = 0; i < gt.size(); i++) {
                AnnotationFrame<GroundTruth3d> f = gt.read(i);
                List<Detection3d> dets = new ArrayList<>();
                for (GroundTruth3d a : f.boxes()) {
                    detect.apply(i, a).ifPresent(dets::add);
                }
                samples.add(NuScenesSubmission.Sample.ofDetections(SampleToken.of(r.manifest(), f.timestampNs()).value(),
                        r.egoTrajectory().at(f.timestampNs()).egoToWorld(), dets));
            }
        }
        return samples;
    }

    /** Every ground-truth box as a detection (score 0.9), moved {@code xShift} metres along x. */
    private Path predictions(double xShift) {
        List<NuScenesSubmission.Sample> samples = truthAsSamples(log, allocator, (i, a) -> {
            var b = a.box();
            var moved = io.avreplay.replay.object.Box3d.ego(b.centre().plus(new io.avreplay.replay.geometry.Vec3(xShift, 0, 0)),
                    b.length(), b.width(), b.height(), b.yaw());
            return Optional.of(new Detection3d(moved, a.category(), 0.9, a.vx(), a.vy(), a.attributes(), "", Double.NaN, ""));
        });
        Path out = tmp.resolve("pred-" + xShift + ".json");
        NuScenesSubmission.write(samples, Map.of("use_lidar", true), out);
        return out;
    }

    /** {@code eval log} of {@code pred} with the configuration restricted to car (class range 50 m), as JSON. */
    private JsonNode evalCarsOnly(Path pred) throws Exception {
        Path cfg = tmp.resolve("cfg.json");
        java.nio.file.Files.writeString(cfg, "{\"class_range\": {\"car\": 50}}");
        CliRun r = CliRun.of("eval", "log", log.toString(), "--pred", pred.toString(), "--config", cfg.toString(),
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void groundTruthAsPredictionsScoresOneForTheClassesPresent() throws Exception {
        // The fixture's pedestrian has 0 lidar points, so the devkit's num_pts filter removes it:
        // only the car is scored. Config restricted to car so absent classes do not dilute the mean.
        JsonNode j = evalCarsOnly(predictions(0));
        assertEquals(1.0, j.get("mean_ap").asDouble(), 1e-9);
        assertEquals(1.0, j.get("label_aps").get("car").get("0.5").asDouble(), 1e-9);
    }

    @Test
    void shiftedPredictionsLoseTheTightThresholds() throws Exception {
        // A 0.75 m shift misses at 0.5 m and matches at 1, 2 and 4 m: car AP = (0 + 1 + 1 + 1) / 4.
        JsonNode j = evalCarsOnly(predictions(0.75));
        assertEquals(0.75, j.get("mean_ap").asDouble(), 1e-9);
        assertEquals(0.0, j.get("label_aps").get("car").get("0.5").asDouble(), 1e-9);
        assertTrue(j.get("tp_errors").get("trans_err").asDouble() > 0.7);
    }
}
