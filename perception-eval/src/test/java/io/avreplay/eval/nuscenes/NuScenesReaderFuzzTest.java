package io.avreplay.eval.nuscenes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.detection.InputFuzzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the nuScenes readers (issue 14): 1,000 mutated ground-truth and prediction files,
 * each either scored (mAP and NDS in [0, 1], or NaN when undefined) or refused as bad input with one line naming the file. The
 * timeout only stops a hang from stalling the build; it measures nothing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class NuScenesReaderFuzzTest {
    static final String GT = """
            {"results": [
              {"sample_token": "s1", "translation": [10, 2, 1], "size": [2, 4.5, 1.6], "yaw": 0.1,
               "velocity": [1, 0], "detection_name": "car", "attribute_name": "vehicle.moving", "num_pts": 50},
              {"sample_token": "s1", "translation": [5, -3, 1], "size": [0.6, 0.7, 1.8], "yaw": 1.0,
               "velocity": [null, null], "detection_name": "pedestrian", "attribute_name": "", "num_pts": 10},
              {"sample_token": "s2", "translation": [20, 5, 1], "size": [2.5, 10, 3], "rotation": [1, 0, 0, 0],
               "velocity": [0, 0], "detection_name": "truck", "attribute_name": "", "num_pts": 0}],
             "ego_poses": {"s1": [0, 0, 0], "s2": [1, 0, 0]},
             "bike_racks": {"s1": [{"translation": [30, 30, 0], "size": [1, 3, 1], "yaw": 0}]}}
            """;
    static final String PRED = """
            {"results": {"s1": [
              {"sample_token": "s1", "translation": [10.2, 2, 1], "size": [2, 4.4, 1.6], "rotation": [0.99, 0, 0, 0.05],
               "velocity": [1, 0.1], "detection_name": "car", "detection_score": 0.8, "attribute_name": "vehicle.moving"},
              {"sample_token": "s1", "translation": [5, -2.5, 1], "size": [0.6, 0.7, 1.8], "rotation": [1, 0, 0, 0],
               "velocity": [0, 0], "detection_name": "pedestrian", "detection_score": 0.4, "attribute_name": ""}],
              "s2": [{"sample_token": "s2", "translation": [21, 5, 1], "size": [2.5, 10, 3], "rotation": [1, 0, 0, 0],
               "velocity": [0, 0], "detection_name": "truck", "detection_score": 0.3, "attribute_name": ""}]},
             "meta": {}}
            """;

    @TempDir
    Path dir;

    @Test
    void everyMutationGivesAResultOrOneLineNamingTheFile() throws IOException {
        Path gtFile = dir.resolve("gt.json");
        Path predFile = dir.resolve("pred.json");
        NuScenesEvaluator evaluator = new NuScenesEvaluator(NuScenesConfig.cvpr2019());
        InputFuzzer.fuzzPair(24_000, 1_000, GT, gtFile, PRED, predFile, seed -> {
            NuScenesResult result = evaluator.evaluateFiles(gtFile, predFile);
            // NaN is the documented value of an undefined metric
            assertTrue(!(result.meanAp() < 0 || result.meanAp() > 1), "seed " + seed + ": mAP " + result.meanAp());
            assertTrue(!(result.ndScore() < 0 || result.ndScore() > 1), "seed " + seed + ": NDS " + result.ndScore());
        });
    }
}
