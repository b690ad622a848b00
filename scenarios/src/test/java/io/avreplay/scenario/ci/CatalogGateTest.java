package io.avreplay.scenario.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.perception.run.ScriptedDetector;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.CatalogReader;
import io.avreplay.scenario.catalog.LogRoot;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.gate.SafetyScorer;
import io.avreplay.scenario.render.BevWorstFrames;
import io.avreplay.scenario.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogGateTest extends ArrowTest {
    private Catalog twoScenariosOnOneLog() throws IOException {
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        for (String id : List.of("early", "late")) {
            Files.writeString(catalog.resolve(id + ".yaml"), """
                    id: ID
                    title: ID
                    log: {path: drives/a}
                    window: WINDOW
                    classes: [car]
                    gates:
                      - ap[car]@2m >= 0.9
                    """.replace("ID", id).replace("WINDOW", id.equals("early") ? "{start: 0s, end: 0.4s}"
                    : "{start: 0.5s, end: 0.9s}"));
        }
        return new CatalogReader(NuScenesConfig.DETECTION_NAMES, YamlFiles.DEFAULT_MAX_BYTES).read(catalog);
    }

    @Test
    void aModelCandidateAndItsBaselineDetectScoreAndRenderThroughOneOpenOfTheLog() throws IOException {
        Path root = tmp.resolve("logs");
        TestLogs.write(root.resolve("drives/a"), allocator, TestLogs.Spec.small()); // 10 sweeps, 100 ms apart
        Catalog catalog = twoScenariosOnOneLog();
        ScriptedDetector cand = ScriptedDetector.blindLidar(); // sees nothing: both scenarios fail and are drawn
        ScriptedDetector base = ScriptedDetector.blindLidar();
        CatalogGate<SafetyScorer.Units> gate = new CatalogGate<>(new SafetyScorer(),
                new GateEvaluator(new BootstrapConfig(100, 0.95, 1)), new LogRoot(root, Optional.empty()),
                new BevWorstFrames(allocator), allocator);
        opens.reset(); // forget the fixture's writing

        GateRun run = gate.run(catalog, new ModelDetectionResults(cand, allocator, "blind"),
                Optional.of(new ModelDetectionResults(base, allocator, "blind")));

        // Both scenarios (windows 0-0.4 s and 0.5-0.9 s: 5 sweeps each) fail: the blind model finds no car.
        assertEquals(List.of(5, 5), run.scenarios().stream().map(ScenarioOutcome::frames).toList());
        assertTrue(run.scenarios().stream().allMatch(ScenarioOutcome::failed));
        assertFalse(run.scenarios().get(0).worstFrames().isEmpty(), "worst frames drawn from the open log");
        // Each model ran once over the log's 10 sweeps (not once per scenario) ...
        assertEquals(10, cand.seen.size());
        assertEquals(10, base.seen.size());
        // ... and detection, ground truth and rendering of both scenarios read through ONE open of the log.
        assertEquals(Map.of("fixture-log", 1), opens.opened());
    }
}
