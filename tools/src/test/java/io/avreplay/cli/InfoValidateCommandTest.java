package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.replay.arrow.FixtureLogTest;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.arrow.WriteOptions;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoValidateCommandTest extends FixtureLogTest {
    @Test
    void infoJsonListsEveryStreamIncludingGroundTruth() throws Exception {
        CliRun r = CliRun.of("info", log.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("fixture-log", j.get("log_id").asText());
        assertEquals(TestLogs.T0, j.get("start_ns").asLong());
        assertEquals(TestLogs.T0 + 9 * TestLogs.LIDAR_PERIOD_NS, j.get("end_ns").asLong());
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (JsonNode s : j.get("streams")) {
            counts.put(s.get("kind").asText() + ":" + s.get("sensor").asText(), s.get("count").asLong());
        }
        assertEquals(Map.of("lidar:lidar_top", 10L, "camera:cam_front", 19L, "ego_pose:ego", 91L,
                "annotations_3d:annotations", 10L, "annotations_2d:cam_front", 19L), counts);
        JsonNode lidar = j.get("streams").findParents("kind").stream()
                .filter(n -> n.get("kind").asText().equals("lidar")).findFirst().orElseThrow();
        assertEquals(10.0, lidar.get("rate_hz").asDouble(), 1e-9, "9 intervals over 0.9 s");
        assertEquals(100_000_000L, lidar.get("max_gap_ns").asLong());
    }

    @Test
    void infoTextShowsRatesAndSizes() {
        CliRun r = CliRun.of("info", log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("fixture-log"));
        assertTrue(r.out().matches("(?s).*lidar_top\\s+lidar\\s+10\\s+10\\.00\\s+100\\.0.*"), r.out());
    }

    @Test
    void validateCleanLogExitsZero() {
        CliRun r = CliRun.of("validate", log.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(": OK"));
    }

    @Test
    void validateListsEveryProblemAndExitsOne() throws Exception {
        Path bad = tmp.resolve("bad");
        try (LogWriter w = LogWriter.create(bad, new LogMetadata("bad", "v", "l", Map.of()), allocator,
                WriteOptions.defaults().withCheckOrder(false))) {
            w.addCalibration(SensorCalibration.lidar("lidar_top", Pose.IDENTITY));
            long[] times = {0, 100, 200, 150, 300, 400, 900, 1000}; // 150 goes back; 400->900 is a gap
            for (int i = 0; i < times.length; i++) {
                LidarSweep s = TestLogs.sweep("lidar_top", times[i] * 1_000_000L, i, 20);
                if (i == 2) {
                    s.x()[5] = Float.NaN;
                }
                w.writeLidarSweep(s);
            }
            w.writeLidarSweep(TestLogs.sweep("lidar_rear", 0, 0, 5)); // no calibration for this one
            w.writeLidarSweep(TestLogs.sweep("lidar_rear", 100_000_000L, 1, 5));
            w.writeAnnotations3d(5_000_000_000L, TestLogs.boxes(0)); // after every sensor frame
            w.commit();
        }
        CliRun r = CliRun.of("validate", bad.toString(), "--format", "json");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertFalse(j.get("valid").asBoolean());
        List<String> checks = new java.util.ArrayList<>();
        j.get("problems").forEach(p -> checks.add(p.get("check").asText() + "@" + p.get("location").asText()));
        assertTrue(checks.contains("timestamps@lidar/lidar_top.arrow frame 3"), checks.toString());
        assertTrue(checks.stream().anyMatch(c -> c.startsWith("gap@lidar/lidar_top.arrow frames 5-6")), checks.toString());
        assertTrue(checks.contains("calibration@calibration.arrow"), checks.toString());
        assertTrue(checks.contains("annotation-span@annotations.arrow frame 0"), checks.toString());
        assertTrue(checks.contains("non-finite@lidar/lidar_top.arrow sweep 2"), checks.toString());
    }

    /** D10: every mismatching file is listed, exit 1 (the help's promise); the contents are not checked. */
    @Test
    void checksumMismatchesAreAllListedWithExitOne() throws Exception {
        for (String f : List.of("camera/cam_front.arrow", "lidar/lidar_top.arrow")) {
            Path p = log.resolve(f);
            byte[] b = Files.readAllBytes(p);
            b[b.length / 2] ^= 1;
            Files.write(p, b);
        }
        CliRun r = CliRun.of("validate", log.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("camera/cam_front.arrow: [checksum] checksum mismatch"), r.out());
        assertTrue(r.out().contains("lidar/lidar_top.arrow: [checksum] checksum mismatch"), r.out());
        assertTrue(r.out().contains("contents not checked: 2 files cannot be trusted"), r.out());
    }

    @Test
    void badInputGetsOneLineExitThreeAndNoStackTrace() throws Exception {
        try (FileChannel ch = FileChannel.open(log.resolve("annotations.arrow"), StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        for (String cmd : List.of("info", "validate")) {
            CliRun r = CliRun.of(cmd, log.toString());
            assertEquals(3, r.exitCode(), cmd);
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().contains("annotations.arrow"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace without --stacktrace");
        }
        CliRun traced = CliRun.of("--stacktrace", "info", log.toString());
        assertEquals(3, traced.exitCode());
        assertTrue(traced.err().contains("\tat "), "stack trace with --stacktrace");
    }

    @Test
    void pathThatIsNotALogExitsThree() {
        CliRun r = CliRun.of("info", tmp.resolve("nope").toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("no such log directory"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = CliRun.of("info", "--bogus", log.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--bogus"), r.err());
    }

    @Test
    void aNamedSubcommandIsBuiltAloneAndBehavesTheSame() {
        String[] args = {"info", log.toString(), "--format", "json"};
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = AvreplayCli.create(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
        assertEquals(java.util.Set.of("info"), cl.getSubcommands().keySet());
        assertEquals(0, cl.execute(args), err.toString());
        assertEquals(CliRun.of(args).out(), out.toString());
        assertEquals(AvreplayCli.SUBCOMMANDS.size(), AvreplayCli.create(new java.io.PrintWriter(out),
                new java.io.PrintWriter(err), new String[] {"--help"}).getSubcommands().size(), "top-level help lists all");
    }

    @Test
    void helpListsSubcommandsAndExitCodes() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exitCode());
        for (String s : List.of("info", "validate", "bench", "Exit codes", "3  bad input data")) {
            assertTrue(r.out().contains(s), s);
        }
    }
}
