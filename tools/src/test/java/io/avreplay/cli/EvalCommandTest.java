package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import io.avreplay.eval.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code avreplay eval nuscenes|coco|kitti}: exit codes and output. */
class EvalCommandTest extends InProcessCli {
    static Path golden() {
        return Golden.root();
    }

    @Test
    void nuscenesTextAndJson() {
        Path c = golden().resolve("nuscenes/random-s11");
        assertEquals(0, run("eval", "nuscenes", "--gt", c.resolve("gt.json").toString(), "--pred",
                c.resolve("pred.json").toString()), err.toString());
        assertTrue(out.toString().contains("mAP: 0.328589"), out.toString());
        assertTrue(out.toString().contains("NDS: 0.421967"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "nuscenes", "--gt", c.resolve("gt.json").toString(), "--pred",
                c.resolve("pred.json").toString(), "--format", "json"), err.toString());
        assertTrue(out.toString().contains("\"nd_score\" : 0.42196655870941"), out.toString().substring(0, 300));
        assertTrue(out.toString().contains("\"label_tp_errors\""));
    }

    @Test
    void nuscenesConfigScoresASubset(@TempDir Path dir) throws Exception {
        Path c = golden().resolve("nuscenes/random-s11");
        Path cfg = dir.resolve("cfg.json");
        Files.writeString(cfg, "{\"class_range\": {\"car\": 50}}");
        assertEquals(0, run("eval", "nuscenes", "--gt", c.resolve("gt.json").toString(), "--pred",
                c.resolve("pred.json").toString(), "--config", cfg.toString()), err.toString());
        // car's AP over the four thresholds is 0.294250 in the full run; alone, mAP is that value.
        assertTrue(out.toString().contains("mAP: 0.294250"), out.toString());
        assertTrue(!out.toString().contains("truck"));
        Files.writeString(cfg, "{\"class_range\": {\"boat\": 50}}");
        assertEquals(2, run("eval", "nuscenes", "--gt", c.resolve("gt.json").toString(), "--pred",
                c.resolve("pred.json").toString(), "--config", cfg.toString()));
        assertTrue(err.toString().contains("unknown class 'boat'"), err.toString());
    }

    @Test
    void badInputExitsThreeWithOneLine(@TempDir Path dir) throws Exception {
        Path c = golden().resolve("nuscenes/random-s11");
        Path bad = dir.resolve("pred.json");
        Files.writeString(bad, "{\"results\": [\n {\"sample_token\": \"sample_000\",,}]}");
        assertEquals(3, run("eval", "nuscenes", "--gt", c.resolve("gt.json").toString(), "--pred", bad.toString()));
        String e = err.toString().strip();
        assertTrue(e.contains("pred.json:2:") && e.contains("malformed JSON"), e);
        assertEquals(1, e.lines().count(), e);
    }

    @Test
    void missingFileIsAUsageError() {
        assertEquals(2, run("eval", "coco", "--gt", "nope.json", "--dt", "nope2.json"));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void cocoTextAndJson() {
        Path c = golden().resolve("coco/random-s5");
        assertEquals(0, run("eval", "coco", "--gt", c.resolve("gt.json").toString(), "--dt",
                c.resolve("dt.json").toString(), "--format", "json"), err.toString());
        assertTrue(out.toString().contains("\"AP\" : 0.40143381261668"), out.toString());
        assertTrue(out.toString().contains("\"per_category\""));
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "coco", "--gt", c.resolve("gt.json").toString(), "--dt",
                c.resolve("dt.json").toString()));
        assertTrue(out.toString().contains("area=   all | maxDets=100 ] = 0.401"), out.toString());
    }

    @Test
    void kittiTextAndJson() {
        Path c = golden().resolve("kitti/random-s21");
        assertEquals(0, run("eval", "kitti", "--gt", c.resolve("label_2").toString(), "--pred",
                c.resolve("pred").toString()), err.toString());
        assertTrue(out.toString().contains("Car         bbox_2d      63.7864    56.7380    54.9599"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "kitti", "--gt", c.resolve("label_2").toString(), "--pred",
                c.resolve("pred").toString(), "--format", "json"));
        assertTrue(out.toString().contains("\"ap\""), out.toString());
    }
}
