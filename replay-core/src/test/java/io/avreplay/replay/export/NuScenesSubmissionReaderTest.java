package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.export.NuScenesSubmissionReader.Content;
import io.avreplay.replay.export.NuScenesSubmissionReader.Rules;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NuScenesSubmissionReaderTest {
    private static final Rules PREDICTIONS = new Rules(false, Set.of("car", "pedestrian"), Set.of("vehicle.moving"),
            false);
    private static final String BOX = "{\"sample_token\": \"s1\", \"translation\": [1, 2, 3], \"size\": [2, 4, 1.5],"
            + " \"rotation\": [1, 0, 0, 0], \"velocity\": [0, 0], \"detection_name\": \"car\","
            + " \"detection_score\": 0.5, \"attribute_name\": \"\"}";

    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        Path f = tmp.resolve("f.json");
        Files.writeString(f, text);
        return f;
    }

    private String error(String text, Rules rules) throws IOException {
        Path f = file(text);
        return assertThrows(BadInputException.class, () -> NuScenesSubmissionReader.read(f, rules)).getMessage();
    }

    @Test
    void writerOutputReadsBackWithTheSameBoxes() {
        // ego at (10, 0, 0) turned +90°: ego box at (1, 0, 0) yaw 0 is world (10, 1, 0) yaw π/2;
        // ego velocity (2, 0) is world (0, 2)
        Pose egoToWorld = new Pose(Quaternion.fromYaw(Math.PI / 2), new Vec3(10, 0, 0));
        Detection3d d = Detection3d.of(Box3d.ego(new Vec3(1, 0, 0), 4, 2, 1.5, 0), "car", 0.75, 2, 0);
        Path f = tmp.resolve("sub.json");
        NuScenesSubmission.write(List.of(NuScenesSubmission.Sample.ofDetections("s1", egoToWorld, List.of(d)),
                NuScenesSubmission.Sample.ofDetections("s2", egoToWorld, List.of())), Map.of("use_lidar", true), f);
        Content c = NuScenesSubmissionReader.read(f, PREDICTIONS);
        assertEquals(List.of("s1", "s1", "s2"), c.samples()); // the key, then the box's token; s2 has no box
        assertEquals(1, c.boxes().size());
        NuScenesBox b = c.boxes().get(0);
        assertEquals("s1", b.sampleToken());
        assertEquals(10, b.translation().x(), 1e-12);
        assertEquals(1, b.translation().y(), 1e-12);
        assertEquals(4, b.length(), 0);
        assertEquals(2, b.width(), 0);
        assertEquals(1.5, b.height(), 0);
        assertEquals(Math.PI / 2, b.yawRadians(), 1e-12);
        assertEquals(0, b.vx(), 1e-12);
        assertEquals(2, b.vy(), 1e-12);
        assertEquals(0.75, b.score(), 0);
        assertEquals("car", b.name());
        assertEquals(-1, b.numPoints());
    }

    @Test
    void unknownVelocityRoundTripsAsNaN() {
        Detection3d d = Detection3d.of(Box3d.ego(new Vec3(1, 0, 0), 4, 2, 1.5, 0), "car", 0.5, Double.NaN,
                Double.NaN);
        Path f = tmp.resolve("sub.json");
        NuScenesSubmission.write(List.of(NuScenesSubmission.Sample.ofDetections("s1", Pose.IDENTITY, List.of(d))),
                Map.of(), f);
        NuScenesBox b = NuScenesSubmissionReader.read(f, PREDICTIONS).boxes().get(0);
        assertTrue(Double.isNaN(b.vx()) && Double.isNaN(b.vy()));
    }

    @Test
    void duplicateKeysAreRefusedWithLineAndColumn() throws IOException {
        String e = error("{\"results\": {\"s1\": []},\n \"results\": {}}", PREDICTIONS);
        assertTrue(e.startsWith(tmp.resolve("f.json") + ":2:"), e);
        assertTrue(e.contains("malformed JSON") && e.contains("Duplicate field 'results'"), e);
    }

    @Test
    void trailingContentIsRefused() throws IOException {
        String e = error("{\"results\": {}} {}", PREDICTIONS);
        assertTrue(e.startsWith(tmp.resolve("f.json") + ":1:"), e);
        assertTrue(e.endsWith("expected the end of the file after the JSON document, got START_OBJECT"), e);
    }

    @Test
    void aWrongTypeNamesRecordFieldExpectedAndActual() throws IOException {
        String e = error("{\"results\": {\"s1\": [\n" + BOX.replace("\"detection_score\": 0.5",
                "\"detection_score\": \"high\"") + "]}}", PREDICTIONS);
        // the box is on line 2; the score's value follows "detection_score": in that line
        assertTrue(e.startsWith(tmp.resolve("f.json") + ":2:"), e);
        assertTrue(e.endsWith("prediction box 0 (sample_token s1): field detection_score: expected a number, got high"),
                e);
    }

    @Test
    void validationErrorsPointAtTheBox() throws IOException {
        String e = error("{\"results\": {\"s1\": [\n" + BOX.replace("\"car\"", "\"police\"") + "]}}", PREDICTIONS);
        assertEquals(tmp.resolve("f.json") + ":2:1: prediction box 0 (sample_token s1): field detection_name: "
                + "unknown class 'police', expected one of [car, pedestrian]", e);
        String size = error("[" + BOX.replace("[2, 4, 1.5]", "[2, 0, 1.5]") + "]", PREDICTIONS);
        assertTrue(size.endsWith("field size: expected w, l, h > 0, got [2.0, 0.0, 1.5]"), size);
        String velocity = error("[" + BOX.replace(", \"velocity\": [0, 0]", "") + "]", PREDICTIONS);
        assertTrue(velocity.endsWith("field velocity: missing field"), velocity);
    }

    @Test
    void rulesDecideScoreVelocityAndNames() throws IOException {
        String noScore = BOX.replace(", \"detection_score\": 0.5", "").replace(", \"velocity\": [0, 0]", "")
                .replace("\"car\"", "\"anything\"");
        Path f = file("[" + noScore + "]");
        String e = assertThrows(BadInputException.class,
                () -> NuScenesSubmissionReader.read(f, new Rules(false, Set.of(), Set.of(), true))).getMessage();
        assertTrue(e.endsWith("field detection_score: missing field"), e);
        NuScenesBox gt = NuScenesSubmissionReader.read(f, new Rules(true, Set.of(), Set.of(), true)).boxes().get(0);
        assertEquals("anything", gt.name());
        assertTrue(Double.isNaN(gt.score()) && Double.isNaN(gt.vx()));
    }

    @Test
    void onlyRegularFilesAreRead() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir.json"));
        String e = assertThrows(BadInputException.class, () -> NuScenesSubmissionReader.read(dir, PREDICTIONS))
                .getMessage();
        assertEquals(dir + ": not a regular file (a nuScenes file must be a plain JSON file)", e);
        Path missing = tmp.resolve("missing.json");
        assertEquals(missing + ": no such file", assertThrows(BadInputException.class,
                () -> NuScenesSubmissionReader.read(missing, PREDICTIONS)).getMessage());
    }
}
