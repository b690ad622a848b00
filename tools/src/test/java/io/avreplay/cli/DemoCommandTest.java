package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.detection.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end on a short synthesized log: demo, then run on the log it kept. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoSynthesizesRunsScoresAndRendersThenRunReusesTheLog() throws Exception {
        Path out = tmp.resolve("demo");
        CliRun r = CliRun.of("demo", "--out", out.toString(), "--duration", "2s");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("[6/6]"), r.out());
        assertTrue(r.out().contains("OK: no problems"), r.out());
        for (String f : List.of("log/log.json", "results/metrics.json", "results/nuscenes_submission.json",
                "results/coco_results.json", "results/coco_gt.json", "results/detections_3d.arrow",
                "results/detections_2d.arrow", "render/bev.png", "render/cam_front.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode m = ResultJson.read(Files.readString(out.resolve("results/metrics.json")));
        assertTrue(m.get("lidar").has("mean_ap") && m.get("lidar").has("nd_score") && m.get("lidar").has("label_aps"));
        assertTrue(m.get("camera").has("AP50") && m.get("camera").has("per_category"));
        assertEquals(21, m.get("timing").get("sweeps").asInt(), "2 s at 10 Hz, both ends included");
        assertTrue(m.get("timing").get("realtime_factor").asDouble() > 0);

        // The COCO files the run wrote are standard: our own evaluator reads them and agrees.
        CliRun coco = CliRun.of("eval", "coco", "--gt", out.resolve("results/coco_gt.json").toString(), "--dt",
                out.resolve("results/coco_results.json").toString(), "--format", "json");
        assertEquals(0, coco.exitCode(), coco.err());
        assertEquals(m.get("camera").get("AP50").asDouble(), ResultJson.read(coco.out()).get("AP50").asDouble(), 1e-12);
        // And the nuScenes submission scores the same against the log's own ground truth.
        CliRun nus = CliRun.of("eval", "log", out.resolve("log").toString(), "--pred",
                out.resolve("results/nuscenes_submission.json").toString(), "--format", "json");
        assertEquals(0, nus.exitCode(), nus.err());
        assertEquals(m.get("lidar").get("nd_score").asDouble(), ResultJson.read(nus.out()).get("nd_score").asDouble(), 1e-12);

        // The run tracked its lidar detections: tracking metrics in metrics.json, and the tracking submission
        // scores the same through eval log --tracks.
        assertTrue(m.get("tracking").has("amota") && m.get("tracking").get("label_metrics").has("ids"));
        CliRun trk = CliRun.of("eval", "log", out.resolve("log").toString(), "--pred",
                out.resolve("results/tracking_submission.json").toString(), "--tracks", "--format", "json");
        assertEquals(0, trk.exitCode(), trk.err());
        JsonNode tj = ResultJson.read(trk.out());
        for (String key : List.of("amota", "amotp", "mota", "ids")) {
            assertEquals(m.get("tracking").get(key).asDouble(), tj.get(key).asDouble(), 1e-12, key);
        }

        CliRun again = CliRun.of("run", out.resolve("log").toString(), "--out", tmp.resolve("run").toString(),
                "--camera-model", "none", "--format", "json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode j = ResultJson.read(again.out());
        assertTrue(j.get("camera").isNull());
        CliRun text = CliRun.of("run", out.resolve("log").toString(), "--out", tmp.resolve("run2").toString(),
                "--camera-model", "none");
        assertTrue(text.out().contains("tracking   greedy constant-velocity tracker: AMOTA"), text.out());
        assertEquals(m.get("lidar").get("mean_ap").asDouble(), j.get("lidar").get("mean_ap").asDouble(), 1e-12,
                "the same log and model give the same score");
    
        // A run's results over the log: pictures, video and the static viewer page, through the CLI.
        String log = out.resolve("log").toString();
        String results = out.resolve("results").toString();
        CliRun render = CliRun.of("render", log, "--run", results, "--at", "1s", "--out", tmp.resolve("pics").toString());
        assertEquals(0, render.exitCode(), render.err());
        assertTrue(Files.size(tmp.resolve("pics/bev.png")) > 1000);
        CliRun video = CliRun.of("export", "video", log, "--run", results, "--out", tmp.resolve("v.mp4").toString());
        assertEquals(0, video.exitCode(), video.err());
        assertTrue(video.out().contains("H.264"), video.out());
        CliRun mcap = CliRun.of("export", "mcap", log, "--run", results, "--out", tmp.resolve("run.mcap").toString());
        assertEquals(0, mcap.exitCode(), mcap.err());
        String bytes = new String(Files.readAllBytes(tmp.resolve("run.mcap")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("/detections"), "a /detections channel");
        CliRun view = CliRun.of("view", log, "--run", results, "--static", tmp.resolve("view.html").toString());
        assertEquals(0, view.exitCode(), view.err());
        String html = Files.readString(tmp.resolve("view.html"));
        assertTrue(html.contains("id=\"avreplay-data\"") && html.contains("data:image/jpeg;base64,"), "data inlined");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no external resource");
        assertEquals(2, CliRun.of("view", log, "--static", tmp.resolve("view.html").toString()).exitCode(),
                "an existing file needs --overwrite");
        assertEquals(2, CliRun.of("view", log, "--run", results, "--min-score", "1.5", "--static",
                tmp.resolve("other.html").toString()).exitCode());
        assertEquals(3, CliRun.of("view", log, "--run", tmp.toString(), "--static",
                tmp.resolve("other.html").toString()).exitCode(), "not a run directory");
    }
}
