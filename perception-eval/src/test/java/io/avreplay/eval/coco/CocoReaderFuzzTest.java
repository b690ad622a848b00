package io.avreplay.eval.coco;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.detection.InputFuzzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the COCO readers (issue 14): 2,000 mutated instances and results files, each either
 * scored (every summary number in [0, 1] or COCO's -1 for "undefined") or refused as bad input with one
 * line naming the file. The timeout only stops a hang from stalling the build; it measures nothing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CocoReaderFuzzTest {
    static final String GT = """
            {"info": {"description": "fuzz base"},
             "images": [{"id": 1, "width": 640, "height": 480}, {"id": 2, "width": 640, "height": 480},
                        {"id": 3, "width": 640, "height": 480}],
             "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "pedestrian"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 20, 100, 50], "area": 5000, "iscrowd": 0},
               {"id": 2, "image_id": 1, "category_id": 2, "bbox": [200, 100, 30, 80], "area": 2400, "iscrowd": 0},
               {"id": 3, "image_id": 2, "category_id": 1, "bbox": [50, 60, 120, 70], "area": 8400, "iscrowd": 0},
               {"id": 4, "image_id": 3, "category_id": 1, "bbox": [0, 0, 640, 100], "area": 64000, "iscrowd": 1}]}
            """;
    static final String DT = """
            [{"image_id": 1, "category_id": 1, "bbox": [12, 22, 98, 48], "score": 0.9},
             {"image_id": 1, "category_id": 2, "bbox": [205, 98, 28, 82], "score": 0.7},
             {"image_id": 2, "category_id": 1, "bbox": [300, 300, 40, 40], "score": 0.8},
             {"image_id": 2, "category_id": 1, "bbox": [52, 61, 118, 69], "score": 0.6},
             {"image_id": 3, "category_id": 2, "bbox": [5, 5, 20, 40], "score": 0.5}]
            """;

    @TempDir
    Path dir;

    @Test
    void everyMutationGivesAResultOrOneLineNamingTheFile() throws IOException {
        Path gtFile = dir.resolve("gt.json");
        Path dtFile = dir.resolve("dt.json");
        InputFuzzer.fuzzPair(14_000, 2_000, GT, gtFile, DT, dtFile, seed -> {
            CocoResult result = new CocoEvaluator().evaluateFiles(gtFile, dtFile);
            result.stats().forEach((stat, v) -> assertTrue(v == -1 || !(v < 0 || v > 1),
                    "seed " + seed + ": " + stat + " = " + v));
        });
    }
}
