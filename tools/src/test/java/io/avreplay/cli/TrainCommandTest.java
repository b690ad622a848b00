package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainingWithoutLogsIsAUsageError() {
        CliRun r = CliRun.of("train", "lidar", "--out", tmp.resolve("m").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--logs is required"), r.err());
    }

    @Test
    void rescoreNeedsHeldOutLogs() {
        CliRun r = CliRun.of("train", "camera", "--rescore", "--out", tmp.resolve("m").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--rescore needs --held-out"), r.err());
    }

    @Test
    void rescoreOfAModelOfTheOtherTaskIsRefusedBeforeAnythingIsWritten() throws Exception {
        // the shipped lidar model's card, copied: rescoring it as a camera model must not touch it
        Path model = tmp.resolve("lidar-model");
        java.nio.file.Files.createDirectories(model);
        try (var in = getClass().getResourceAsStream("/models/bev-centernet-s/card.json")) {
            java.nio.file.Files.copy(in, model.resolve("card.json"));
        }
        byte[] before = java.nio.file.Files.readAllBytes(model.resolve("card.json"));
        CliRun r = CliRun.of("train", "camera", "--rescore", "--out", model.toString(), "--held-out",
                tmp.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("holds a LIDAR_3D model"), r.err());
        assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(model.resolve("card.json"))));
    }
}
