package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.detection.ResultJson;
import io.avreplay.replay.importer.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import → export → evaluate gives the same metrics as evaluating the original files: the importers and
 * exporters lose nothing the evaluators look at (box geometry, classes, difficulty fields).
 */
class ImportEvalRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void kittiLabelsSurviveImportAndExportForTheOfficialMetric() throws Exception {
        Path original = RealData.sample("kitti-object-3frames").resolve("training/label_2");
        Path logs = tmp.resolve("logs");
        assertEquals(0, CliRun.of("import", "kitti", RealData.sample("kitti-object-3frames").toString(), "--out",
                logs.toString()).exitCode());
        Path exported = tmp.resolve("exported");
        try (Stream<Path> s = Files.list(logs)) {
            for (Path log : s.filter(Files::isDirectory).toList()) {
                CliRun r = CliRun.of("export", "kitti", log.toString(), "--out", exported.resolve(log.getFileName()).toString());
                assertEquals(0, r.exitCode(), r.err());
            }
        }
        // Predictions = labels with a score: once from the original files, once from the exported ones.
        Path fromOriginal = withScores(List.of(original), tmp.resolve("pred-original"));
        Path fromExport;
        try (Stream<Path> s = Files.list(exported)) {
            fromExport = withScores(s.toList(), tmp.resolve("pred-export"));
        }
        JsonNode a = kitti(original, fromOriginal);
        JsonNode b = kitti(original, fromExport);
        for (String cls : List.of("Car", "Pedestrian", "Cyclist")) {
            for (String metric : List.of("bbox_2d", "bev", "3d")) {
                assertEquals(a.get("ap").get(cls).get(metric), b.get("ap").get(cls).get(metric), cls + " " + metric);
                assertEquals(a.get("ap_r11").get(cls).get(metric), b.get("ap_r11").get(cls).get(metric), cls + " " + metric);
            }
            // The log keeps rotation_y, not KITTI's observation angle alpha; the exporter recomputes alpha as
            // rotation_y - atan2(x, z), which differs from the labels' rounded alpha by < 0.01 rad, so AOS
            // (which weighs each match by cos of the alpha error) may move in the 5th digit.
            for (int d = 0; d < 3; d++) {
                assertEquals(a.get("ap_r11").get(cls).get("aos").get(d).asDouble(),
                        b.get("ap_r11").get(cls).get("aos").get(d).asDouble(), 1e-3, cls + " aos");
            }
        }
        // The devkit samples recall at one threshold per ground-truth box: with a single easy pedestrian,
        // only the first of the 41 points is filled (precision 1), so R11 = 1/11 and R40 = 0. The
        // exported labels must reproduce exactly that, which they do only if every 3D field survived.
        assertEquals(100.0 / 11, a.get("ap_r11").get("Pedestrian").get("3d").get(0).asDouble(), 1e-9);
    }

    @Test
    void nuScenesBoxesSurviveImportAndExportIntoTheWorldFrame() throws Exception {
        Path log = tmp.resolve("nus");
        assertEquals(0, CliRun.of("import", "nuscenes", RealData.sample("nuscenes-demo-sample").toString(), "--out",
                log.toString()).exitCode());
        Path sub = tmp.resolve("sub.json");
        assertEquals(0, CliRun.of("export", "nuscenes", log.toString(), "--out", sub.toString()).exitCode());
        // The exported ground truth, scored 1, as predictions against the log's own ground truth: every
        // box must land on itself after ego → world (export) and world → evaluator (eval log).
        JsonNode root = ResultJson.read(Files.readString(sub));
        // The export maps categories to the ten detection classes; boxes without lidar points are filtered
        // from the ground truth by the devkit, so as predictions they would be false positives.
        root.get("results").forEach(boxes -> {
            var it = boxes.elements();
            while (it.hasNext()) {
                ObjectNode b = (ObjectNode) it.next();
                assertTrue(io.avreplay.eval.nuscenes.NuScenesConfig.DETECTION_NAMES.contains(
                        b.get("detection_name").asText()), b.toString());
                if (b.get("num_pts").asInt() == 0) {
                    it.remove();
                } else {
                    b.put("detection_score", 1.0);
                    b.remove("num_pts");
                }
            }
        });
        ((ObjectNode) root).remove("ego_poses");
        Path pred = tmp.resolve("pred.json");
        Files.writeString(pred, ResultJson.write(root));
        CliRun r = CliRun.of("eval", "log", log.toString(), "--pred", pred.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode m = ResultJson.read(r.out());
        for (String cls : List.of("car", "pedestrian", "barrier")) {
            assertEquals(1.0, m.get("label_aps").get(cls).get("0.5").asDouble(), 1e-9, cls);
        }
        // The exported file is also a ground-truth file (num_pts, ego_poses): evaluating against it gives
        // the same numbers as evaluating against the log.
        CliRun viaFile = CliRun.of("eval", "nuscenes", "--gt", sub.toString(), "--pred", pred.toString(), "--format", "json");
        assertEquals(0, viaFile.exitCode(), viaFile.err());
        JsonNode f = ResultJson.read(viaFile.out());
        assertEquals(m.get("label_aps"), f.get("label_aps"));
        assertEquals(m.get("nd_score").asDouble(), f.get("nd_score").asDouble(), 1e-12);
        for (String cls : List.of("car", "pedestrian")) {
            assertEquals(0.0, m.get("label_tp_errors").get(cls).get("trans_err").asDouble(), 1e-6, cls);
            assertEquals(0.0, m.get("label_tp_errors").get(cls).get("scale_err").asDouble(), 1e-6, cls);
        }
    }

    private static JsonNode kitti(Path gt, Path pred) throws Exception {
        CliRun r = CliRun.of("eval", "kitti", "--gt", gt.toString(), "--pred", pred.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        return ResultJson.read(r.out());
    }

    private static Path withScores(List<Path> dirs, Path out) throws Exception {
        Files.createDirectories(out);
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    StringBuilder b = new StringBuilder();
                    for (String line : Files.readAllLines(f)) {
                        if (!line.isBlank() && !line.startsWith("DontCare")) {
                            b.append(line.strip()).append(" 1.0\n");
                        }
                    }
                    Files.writeString(out.resolve(f.getFileName()), b.toString());
                }
            }
        }
        return out;
    }
}
