package io.avreplay.eval.kitti;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.detection.InputFuzzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the KITTI label reader (issue 14): 800 mutated label and prediction files, each
 * either scored (every AP in [0, 100] percent) or refused as bad input with one line naming the file. The
 * timeout only stops a hang from stalling the build; it measures nothing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KittiReaderFuzzTest {
    static final String GT = """
            Car 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 -0.65 1.71 46.70 -1.59
            Pedestrian 0.00 0 -0.20 712.40 143.00 810.73 307.92 1.89 0.48 1.20 1.84 1.47 8.41 0.01
            Cyclist 0.30 1 1.23 300.00 160.00 340.00 230.00 1.70 0.60 1.80 -8.00 1.60 20.00 0.90
            DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10
            """;
    static final String PRED = """
            Car -1 -1 -1.56 588.00 174.00 613.00 201.00 1.60 1.70 3.60 -0.60 1.70 46.50 -1.57 0.9100
            Pedestrian -1 -1 -0.18 710.00 145.00 808.00 305.00 1.80 0.50 1.10 1.80 1.50 8.50 0.03 0.6200
            Car -1 -1 0.50 100.00 180.00 160.00 220.00 1.50 1.60 3.90 -20.00 1.60 30.00 0.10 0.3000
            Cyclist -1 -1 1.20 302.00 161.00 338.00 229.00 1.70 0.60 1.80 -8.10 1.60 20.10 0.90 0.5000
            """;

    @TempDir
    Path dir;

    @Test
    void everyMutationGivesAResultOrOneLineNamingTheFile() throws IOException {
        Path gtDir = Files.createDirectories(dir.resolve("label_2"));
        Path predDir = Files.createDirectories(dir.resolve("pred"));
        Path gtFile = gtDir.resolve("000000.txt");
        Path predFile = predDir.resolve("000000.txt");
        Files.writeString(gtDir.resolve("000001.txt"), GT);
        Files.writeString(predDir.resolve("000001.txt"), PRED);
        KittiEvaluator evaluator = new KittiEvaluator();
        InputFuzzer.fuzzPair(34_000, 800, GT, gtFile, PRED, predFile, seed -> {
            KittiResult result = evaluator.evaluateDirectories(gtDir, predDir);
            result.curves().forEach((cls, metrics) -> metrics.forEach((metric, c) -> c.ap().forEach(ap ->
                    assertTrue(!(ap < 0 || ap > 100), "seed " + seed + ": " + cls + " " + metric + " AP " + ap))));
        });
    }
}
