package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.replay.arrow.TestLogs;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path log;
    String out;
    String err;

    @BeforeEach
    void setUp() {
        log = tmp.resolve("log");
        try (RootAllocator allocator = new RootAllocator()) {
            TestLogs.write(log, allocator, TestLogs.Spec.small());
        }
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = AvreplayCli.create(new PrintWriter(o), new PrintWriter(e)).execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private List<JsonNode> jsonLines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void textPrintsOneLinePerFrameAndASummary() {
        assertEquals(0, run("replay", log.toString()));
        String[] lines = out.split("\n");
        assertEquals(30, lines.length, out);
        assertEquals(TestLogs.T0 + " lidar lidar_top #0 points=500 gt=2", lines[0]);
        assertEquals(TestLogs.T0 + " camera cam_front #0 640x480 bytes=256 gt=1", lines[1]);
        assertTrue(lines[29].startsWith("summary: 29 frames (cam_front 19, lidar_top 10), loops 1, wall "), lines[29]);
        assertTrue(lines[29].contains("skipped 0"), lines[29]);
        assertEquals("", err, "no progress bar when stderr is not a terminal");
    }

    @Test
    void jsonlHasTheDocumentedFields() throws Exception {
        assertEquals(0, run("replay", log.toString(), "--sensors", "lidar_top,cam_front", "--start", "100ms",
                "--end", "300ms", "--format", "jsonl"));
        List<JsonNode> nodes = jsonLines();
        assertEquals(2 + 4 + 1, nodes.size(), out);
        JsonNode sweep = nodes.get(0);
        assertEquals("frame", sweep.get("type").asText());
        assertEquals(TestLogs.T0 + 100_000_000L, sweep.get("timestamp_ns").asLong());
        assertEquals("lidar_top", sweep.get("sensor").asText());
        assertEquals("lidar", sweep.get("kind").asText());
        assertEquals(500, sweep.get("points").asInt());
        assertEquals(2, sweep.get("gt_boxes").asInt());
        JsonNode image = nodes.get(1);
        assertEquals(640, image.get("width").asInt());
        assertEquals(480, image.get("height").asInt());
        JsonNode summary = nodes.get(nodes.size() - 1);
        assertEquals("summary", summary.get("type").asText());
        assertEquals(2, summary.get("frames").get("lidar_top").asInt());
        assertEquals(4, summary.get("frames").get("cam_front").asInt());
    }

    @Test
    void syncPrintsFrameSetsWithTheirCameras() throws Exception {
        assertEquals(0, run("replay", log.toString(), "--sync", "--format", "jsonl", "--tolerance", "20ms"));
        List<JsonNode> nodes = jsonLines();
        assertEquals(11, nodes.size());
        JsonNode set = nodes.get(3);
        assertEquals("frame_set", set.get("type").asText());
        assertEquals(TestLogs.T0 + 300_000_000L, set.get("timestamp_ns").asLong());
        JsonNode cam = set.get("cameras").get(0);
        assertEquals("cam_front", cam.get("sensor").asText());
        assertEquals(TestLogs.T0 + 300_000_000L, cam.get("timestamp_ns").asLong());
        assertEquals(0, set.get("missing").size());
        assertEquals(3.0, set.get("ego_translation").get(0).asDouble(), 1e-9);
    }

    @Test
    void loopAndRateAreAccepted() {
        assertEquals(0, run("replay", log.toString(), "--sensors", "lidar", "--loop", "2", "--rate", "1000",
                "--summary-only"));
        assertTrue(out.startsWith("summary: 20 frames (lidar_top 20), loops 2"), out);
    }

    @Test
    void unknownSensorIsAUsageErrorListingTheLogsSensors() {
        assertEquals(ExitCodes.USAGE, run("replay", log.toString(), "--sensors", "radar"));
        assertTrue(err.contains("no sensor 'radar' (the log has: lidar_top, cam_front"), err);
        assertEquals(1, err.strip().split("\n").length, "one line");
    }

    @Test
    void windowOutsideTheLogIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("replay", log.toString(), "--start", "1h"));
        assertTrue(err.contains("lies outside the log"), err);
        assertEquals(ExitCodes.USAGE, run("replay", log.toString(), "--rate", "0"));
        assertEquals(ExitCodes.USAGE, run("replay", log.toString(), "--start", "soon"));
    }

    @Test
    void corruptBatchFailsWithExit3UnlessSkipped() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(log.resolve("lidar/lidar_top.arrow").toFile(), "rw")) {
            long pos = f.length() / 2;
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0xFF);
        }
        assertEquals(ExitCodes.BAD_INPUT, run("replay", log.toString()));
        assertTrue(err.matches("(?s)avreplay replay: .*lidar/lidar_top\\.arrow: batch \\d+ of stream 'lidar/lidar_top' "
                + "fails its checksum.*"), err);
        assertEquals(0, run("replay", log.toString(), "--skip-corrupt", "--summary-only"));
        assertTrue(out.contains("skipped 1 (checksum mismatch 1)"), out);
        assertTrue(out.contains("  skipped lidar lidar_top #"), out);
    }

    @Test
    void helpDocumentsTheDefaultRateAndExitCodes() {
        assertEquals(0, run("replay", "--help"));
        assertTrue(out.contains("Without --rate, replays as fast as possible."), out);
        assertTrue(out.contains("--skip-corrupt"), out);
        assertTrue(out.contains("3  bad input data"), out);
    }
}
