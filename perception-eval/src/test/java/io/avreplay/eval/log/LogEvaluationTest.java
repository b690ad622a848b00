package io.avreplay.eval.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.TestLogs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEvaluationTest extends ArrowTest {
    @Test
    void noPredictionsScoreZeroAgainstTheLogsOwnGroundTruth() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        LogEvaluation.Outcome o;
        try (LogReader reader = LogReader.open(log, allocator)) {
            o = LogEvaluation.score(reader, List.of(), NuScenesConfig.cvpr2019(), List.of("LOG", "PRED"));
        }
        // The fixture has a car and a pedestrian per sweep, both nuScenes classes: nothing is left out.
        assertEquals(0, o.skippedBoxes());
        // No detection at all: every class's AP is 0 (no true positive at any threshold), so mAP = 0.
        assertEquals(0.0, o.result().meanAp());
        assertEquals(List.of("LOG", "PRED"), o.result().provenance().inputs());
        assertEquals("nuscenes", o.result().provenance().benchmark());
    }

    @Test
    void outcomeRejectsANegativeCount() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        try (LogReader reader = LogReader.open(log, allocator)) {
            var result = LogEvaluation.score(reader, List.of(), NuScenesConfig.cvpr2019(), List.of()).result();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LogEvaluation.Outcome(result, -1));
            assertEquals("skippedBoxes must be >= 0, got -1", e.getMessage());
        }
    }
}
