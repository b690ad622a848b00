package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest extends InProcessCli {
    @TempDir
    Path tmp;

    @Test
    void synthThenRenderWritesALogAndPictures() throws IOException {
        Path log = tmp.resolve("log");
        assertEquals(0, run("synth", "--preset", "cut-in", "--seed", "3", "--duration", "1s", "--out", log.toString(),
                "--rate-camera", "4"), err.toString());
        assertTrue(Files.isRegularFile(log.resolve("log.json")));
        assertTrue(out.toString().contains("lidar/lidar_top"), out.toString());
        Path pics = tmp.resolve("pics");
        assertEquals(0, run("render", log.toString(), "--at", "0.5s", "--out", pics.toString()), err.toString());
        for (String f : new String[] {"cam_front.png", "bev.png"}) {
            byte[] png = Files.readAllBytes(pics.resolve(f));
            assertEquals((byte) 0x89, png[0], f);
            assertEquals('P', png[1], f);
        }
    }

    @Test
    void unknownPresetIsAUsageErrorAndLeavesNothing() throws IOException {
        Path log = tmp.resolve("log");
        assertEquals(2, run("synth", "--preset", "nowhere-road", "--out", log.toString()));
        assertTrue(err.toString().contains("unknown preset 'nowhere-road'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertNothingLeft();
    }

    @Test
    void negativeDurationIsAUsageErrorAndLeavesNothing() throws IOException {
        assertEquals(2, run("synth", "--preset", "cut-in", "--duration=-5s", "--out", tmp.resolve("log").toString()));
        assertTrue(err.toString().contains("'-5s' is not a duration"), err.toString());
        assertEquals(2, run("synth", "--preset", "cut-in", "--duration=0s", "--out", tmp.resolve("log").toString()));
        assertTrue(err.toString().contains("--duration must be > 0"), err.toString());
        assertNothingLeft();
    }

    @Test
    void presetFileWithAMissingFieldNamesTheField() throws IOException {
        Path preset = tmp.resolve("mine.yaml");
        String text = new String(SynthCommandTest.class.getResourceAsStream("/presets/cut-in.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(preset, text.replace("  laneWidthM: 3.6\n", ""));
        assertEquals(2, run("synth", "--preset", preset.toString(), "--out", tmp.resolve("log").toString()));
        assertTrue(err.toString().contains("'road.laneWidthM' is missing"), err.toString());
        assertTrue(err.toString().contains(preset.toString()), err.toString());
        Files.delete(preset);
        assertNothingLeft();
    }

    @Test
    void renderOutsideTheLogIsAUsageError() {
        Path log = tmp.resolve("log");
        assertEquals(0, run("synth", "--preset", "pothole-road", "--duration", "0.3s", "--out", log.toString(),
                "--rate-camera", "0"));
        assertEquals(2, run("render", log.toString(), "--at", "9s", "--out", tmp.resolve("p").toString()));
        assertTrue(err.toString().contains("outside the log"), err.toString());
        assertEquals(3, run("render", tmp.resolve("missing").toString(), "--out", tmp.resolve("p").toString()));
    }

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            assertFalse(s.findAny().isPresent(), "temp dir should be empty");
        }
    }
}
