package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.replay.arrow.FixtureLogTest;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.export.NuScenesTrackingSubmission;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code eval log --tracks}: a log's own ground truth, written as a tracking submission, tracks perfectly. */
class EvalLogTracksCommandTest extends FixtureLogTest {
    /** The ground-truth car as tracks; from sample {@code switchAt} on under another track id. */
    private Path tracks(int switchAt) {
        List<NuScenesSubmission.Sample> samples = EvalLogCommandTest.truthAsSamples(log, allocator, (i, a) ->
                a.category().equals("car") ? Optional.of(new Detection3d(a.box(), "car", 0.9, a.vx(), a.vy(), List.of(),
                        i < switchAt ? "7" : "8", 0.9, "")) : Optional.empty());
        Path out = tmp.resolve("tracks-" + switchAt + ".json");
        NuScenesTrackingSubmission.write(samples, Map.of("use_lidar", true), out);
        return out;
    }

    @Test
    void groundTruthAsTracksIsPerfectAndAnIdChangeIsOneSwitch() throws Exception {
        // The fixture's pedestrian has 0 lidar points (removed by the num_pts filter): only the car is scored.
        CliRun r = CliRun.of("eval", "log", log.toString(), "--pred", tracks(Integer.MAX_VALUE).toString(), "--tracks",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = io.avreplay.eval.detection.ResultJson.read(r.out());
        assertEquals(1.0, j.get("label_metrics").get("mota").get("car").asDouble(), 0);
        assertEquals(0, j.get("label_metrics").get("ids").get("car").asInt());
        assertTrue(j.get("label_metrics").get("mota").get("pedestrian").isNull()
                || Double.isNaN(j.get("label_metrics").get("mota").get("pedestrian").asDouble()));
        // The car changes id once at sample 2: one switch; MOTA = 1 - 1 / GT.
        CliRun s = CliRun.of("eval", "log", log.toString(), "--pred", tracks(2).toString(), "--tracks", "--format",
                "json");
        assertEquals(0, s.exitCode(), s.err());
        JsonNode k = io.avreplay.eval.detection.ResultJson.read(s.out());
        double gt = k.get("label_metrics").get("gt").get("car").asDouble();
        assertEquals(1, k.get("label_metrics").get("ids").get("car").asInt());
        assertEquals(1 - 1 / gt, k.get("label_metrics").get("mota").get("car").asDouble(), 1e-12);
        // Text output is the devkit's summary.
        CliRun t = CliRun.of("eval", "log", log.toString(), "--pred", tracks(2).toString(), "--tracks");
        assertTrue(t.out().contains("AMOTA"), t.out());
    }

    @Test
    void detectionsFileOrConfigWithTracksAreErrors() {
        CliRun r = CliRun.of("eval", "log", log.toString(), "--pred", tracks(0).toString(), "--tracks", "--config",
                tmp.resolve("x.json").toString());
        assertEquals(2, r.exitCode(), r.err());
        CliRun d = CliRun.of("eval", "log", log.toString(), "--pred", log.resolve("log.json").toString(), "--tracks");
        assertEquals(3, d.exitCode(), d.err());
    }
}
