package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code avreplay eval nuscenes-tracking|av2}: exit codes and output. */
class EvalTrackingAv2CommandTest extends InProcessCli {
    @Test
    void trackingTextAndJson() {
        Path c = EvalCommandTest.golden().resolve("nuscenes_tracking/random-s41");
        assertEquals(0, run("eval", "nuscenes-tracking", "--gt", c.resolve("gt.json").toString(), "--pred",
                c.resolve("pred.json").toString()), err.toString());
        // The devkit's printed summary of this case (expected.txt): AMOTA 0.701, IDS 13.
        assertTrue(out.toString().contains("AMOTA\t0.701\n"), out.toString());
        assertTrue(out.toString().contains("IDS\t13\n"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("eval", "nuscenes-tracking", "--gt", c.resolve("gt.json").toString(), "--pred",
                c.resolve("pred.json").toString(), "--format", "json"), err.toString());
        assertTrue(out.toString().contains("\"label_metrics\""), out.toString().substring(0, 200));
    }

    @Test
    void av2CsvAndBadInput(@TempDir Path dir) throws Exception {
        Path c = EvalCommandTest.golden().resolve("av2/random-s36");
        assertEquals(0, run("eval", "av2", "--gt", c.resolve("gt.csv").toString(), "--pred",
                c.resolve("dt.csv").toString()), err.toString());
        // expected.txt: CDS 0.336384, mAP 0.419908.
        assertTrue(out.toString().contains("CDS: 0.336384  mAP: 0.419908"), out.toString());
        Path bad = dir.resolve("dt.csv");
        Files.writeString(bad, "log_id,timestamp_ns,category\nx,1,BUS\n");
        assertEquals(3, run("eval", "av2", "--gt", c.resolve("gt.csv").toString(), "--pred", bad.toString()));
        assertTrue(err.toString().contains("missing column 'score'"), err.toString());
        assertEquals(2, run("eval", "av2", "--gt", "nope.csv", "--pred", bad.toString()));
    }
}
