package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.files.OutputPublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproductions D1, D2, D3c, D5, D8 and D12 of the 2026-12 reliability report
 * ({@code ../shared/findings/2026-12-reliability.md}): outputs never destroy user data, and refusals keep
 * the exit-code contract with one line.
 */
class OutputSafetyCommandTest {
    @TempDir
    static Path shared;
    static Path log;

    @TempDir
    Path tmp;

    @BeforeAll
    static void synthesizeOnce() {
        log = shared.resolve("base");
        CliRun r = CliRun.of("synth", "--preset", "cut-in", "--seed", "1", "--duration", "1s", "--rate-camera", "4",
                "--out", log.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    private Path userDir(String name) throws IOException {
        Path u = Files.createDirectories(tmp.resolve(name).resolve("sub"));
        Files.writeString(tmp.resolve(name).resolve("thesis.txt"), "precious");
        Files.writeString(u.resolve("data.csv"), "precious");
        return tmp.resolve(name);
    }

    private static void assertIntact(Path u) throws IOException {
        assertEquals("precious", Files.readString(u.resolve("thesis.txt")));
        assertEquals("precious", Files.readString(u.resolve("sub/data.csv")));
    }

    private static void assertRefused(CliRun r, int code, String text) {
        assertEquals(code, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(text), r.err());
    }

    @Test
    void d1ExportOverwriteNeverTurnsAUserDirectoryIntoAFile() throws IOException {
        Path u = userDir("u");
        assertRefused(CliRun.of("export", "nuscenes", log.toString(), "--out", u.toString(), "--overwrite"), 2,
                "exists and is not a regular file");
        assertIntact(u);
        Path u4 = userDir("u4");
        assertRefused(CliRun.of("export", "kitti", log.toString(), "--label-camera", "cam_front", "--image-camera",
                "cam_front", "--out", u4.toString(), "--overwrite"), 2, "is not an earlier kitti-labels output");
        assertIntact(u4);
    }

    @Test
    void d1SynthOverwriteReplacesOnlyALog() throws IOException {
        Path u2 = userDir("u2");
        assertRefused(CliRun.of("synth", "--preset", "cut-in", "--seed", "1", "--duration", "1s", "--out", u2.toString(),
                "--overwrite"), 2, "is not an earlier log output (no log.json)");
        assertIntact(u2);
        Path again = tmp.resolve("again");
        assertEquals(0, CliRun.of("synth", "--preset", "cut-in", "--seed", "1", "--duration", "1s", "--rate-camera", "0",
                "--out", again.toString()).exitCode());
        CliRun r = CliRun.of("synth", "--preset", "cut-in", "--seed", "2", "--duration", "1s", "--rate-camera", "0",
                "--out", again.toString(), "--overwrite");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(again.resolve("log.json")).contains("seed"), "a log replaced by a log");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no temporaries left");
        }
    }

    @Test
    void d1TheWorkingDirectoryIsNeverAnOutput() {
        // The publisher refuses first, so the command below cannot touch the working directory.
        assertThrows(InvalidConfigException.class, () -> OutputPublisher.check(Path.of("."), LogWriter.OUTPUT, true));
        assertRefused(CliRun.of("synth", "--preset", "cut-in", "--seed", "1", "--duration", "1s", "--out", ".",
                "--overwrite"), 2, "is the working directory or one of its parents");
        assertTrue(Files.isRegularFile(Path.of("pom.xml")), "the module directory is intact");
    }

    @Test
    void d5ExistingSynthOutputIsAUsageErrorLikeExport() {
        assertRefused(CliRun.of("synth", "--preset", "cut-in", "--duration", "1s", "--out", log.toString()), 2,
                "already exists (choose another --out or pass --overwrite)");
    }

    @Test
    void d2RenderRefusesAnExistingDirectoryAndReplacesOnlyAnEarlierRender() throws IOException {
        Path u5 = Files.createDirectories(tmp.resolve("u5"));
        Files.writeString(u5.resolve("bev.png"), "precious");
        assertRefused(CliRun.of("render", log.toString(), "--at", "0.5s", "--out", u5.toString()), 2, "already exists");
        assertRefused(CliRun.of("render", log.toString(), "--at", "0.5s", "--out", u5.toString(), "--overwrite"), 2,
                "is not an earlier render output");
        assertEquals("precious", Files.readString(u5.resolve("bev.png")));
        Path pics = tmp.resolve("pics");
        assertEquals(0, CliRun.of("render", log.toString(), "--at", "0.5s", "--out", pics.toString()).exitCode());
        assertRefused(CliRun.of("render", log.toString(), "--at", "0.7s", "--out", pics.toString()), 2, "already exists");
        CliRun r = CliRun.of("render", log.toString(), "--at", "0.7s", "--out", pics.toString(), "--overwrite");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(pics.resolve("bev.png")));
    }

    @Test
    void d3SynthDurationIsBounded() {
        // 100000h is refused by the duration grammar itself (over 24 h), 2h by the synthesizer's 1 h bound.
        CliRun huge = CliRun.of("synth", "--preset", "urban-intersection", "--duration", "100000h", "--out",
                tmp.resolve("x").toString());
        assertEquals(2, huge.exitCode(), huge.err());
        assertTrue(huge.err().contains("longer than the maximum of 24h"), huge.err());
        assertRefused(CliRun.of("synth", "--preset", "urban-intersection", "--duration", "2h", "--out",
                tmp.resolve("x").toString()), 2, "duration must be > 0 s and <= 3600 s, got 7200.000 s");
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void d5MineIntoAnUnwritablePlaceIsBadInputNotInternal() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        CliRun r = CliRun.of("scenarios", "mine", log.toString(), "--out", file.resolve("cat").toString());
        assertRefused(r, 3, "cannot write");
    }

    @Test
    void d12VideoFrameRateIsAUsageError() {
        assertRefused(CliRun.of("export", "video", log.toString(), "--camera", "cam_front", "--fps", "1e12", "--out",
                tmp.resolve("v.mp4").toString()), 2, "--fps must be > 0 and <= 1000, got 1.0E12");
    }

    @Test
    void d8AbandonedPartialsOfTheSameOutputAreRemovedOnTheNextRun() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path stale = Files.createDirectories(tmp.resolve(".s1.partial-" + p.pid() + "-k1"));
        Files.writeString(stale.resolve("lidar_top.arrow"), "half a log");
        Path exportStale = Files.writeString(tmp.resolve(".gt.json.partial-" + p.pid() + "-k2"), "half");
        assertEquals(0, CliRun.of("synth", "--preset", "cut-in", "--seed", "1", "--duration", "1s", "--rate-camera", "0",
                "--out", tmp.resolve("s1").toString()).exitCode());
        assertFalse(Files.exists(stale));
        assertEquals(0, CliRun.of("export", "nuscenes", log.toString(), "--out", tmp.resolve("gt.json").toString())
                .exitCode());
        assertFalse(Files.exists(exportStale));
    }

    @Test
    void d11AMetricInputThatExistsButIsNoFileIsNamedSo() throws IOException {
        Path dt = Files.writeString(tmp.resolve("dt.json"), "[]");
        CliRun r = CliRun.of("eval", "coco", "--gt", tmp.toString(), "--dt", dt.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--gt: not a regular file: " + tmp), r.err());
    }
}
