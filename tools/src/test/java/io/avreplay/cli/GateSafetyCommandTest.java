package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code avreplay gate} end to end with the safety gates: a bin gate, a per-frame criterion, an error
 * statistic and a timeline gate on the fixture log (one car ahead at x = 10 + 0.5 i m in sweep i, 10 Hz),
 * time-tolerant association of shifted output stamps, drill-down files, and runs that judge nothing.
 */
class GateSafetyCommandTest {
    @TempDir
    Path dir;

    GateFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new GateFixture(dir, """
                scoring:
                  bins: [0-30, 30-]
                  regions:
                    ego_lane: {x: [0, 60], y: [-2, 2]}
                gates:
                  - ap[car, 0-30m]@2m >= 0.9
                  - frames[car, 0-30m, ego_lane].tp_rate(strict) >= 0.95
                  - err[car, 0-30m].pos.p99 <= 0.1
                  - max_miss_s[car] <= 0.5
                  - recall[car, 0-30m] drop <= 0.05
                """);
    }

    Path results(String name, IntPredicate hit, long shiftNs) throws IOException {
        return fx.results(name, hit, shiftNs);
    }

    @Test
    void safetyGatesPassOnShiftedStampsAndWriteTheViews() throws IOException {
        // Stamps 20 ms late: within half the 100 ms lidar period, so every output finds its sweep.
        Path good = results("good", i -> true, 20_000_000L);
        CliRun r = fx.gate(good.toString(), "--baseline", good.toString(), "--resamples", "200", "--json",
                dir.resolve("r.json").toString(), "--html", dir.resolve("r.html").toString(), "--objects",
                dir.resolve("objects").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("PASS car-ahead (51 frames)"), r.out());
        String json = Files.readString(dir.resolve("r.json"));
        // Window 0-5 s holds sweeps 0-50; the car is within 30 m for x = 10 + 0.5 i < 30, i.e. sweeps 0-39.
        assertTrue(json.contains("\"bin\" : \"0-30m\",\n      \"truth\" : 40,\n      \"true_positives\" : 40"), json);
        assertTrue(json.contains("\"outputs_without_truth\" : 0") && json.contains("\"tolerance_ns\" : 50000000"), json);
        String csv = Files.readString(dir.resolve("objects/car-ahead.objects.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.contains(",truth,car,") && l.contains(",matched,")), csv);
        assertTrue(Files.size(dir.resolve("objects/car-ahead.objects.arrow")) > 0);
    }

    @Test
    void aOneSecondGapFailsTheCriterionTheTimelineAndTheRegression() throws IOException {
        Path good = results("good", i -> true, 0);
        // Missing in sweeps 10-19: 10 frames x 0.1 s = 1.0 s > 0.5 s; tp rate passes in 30 of 40 near frames.
        Path gap = results("gap", i -> i < 10 || i >= 20, 0);
        CliRun r = fx.gate(gap.toString(), "--baseline", good.toString(), "--resamples", "200");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*FAIL\\s+frames\\[car, 0-30m, ego_lane\\]\\.tp_rate\\(strict\\) >= 0\\.95\\s+"
                + "frames\\[car, 0-30m, ego_lane\\]\\.tp_rate\\(strict\\) = 0\\.7500.*"), r.out());
        assertTrue(r.out().matches("(?s).*FAIL\\s+max_miss_s\\[car\\] <= 0.5\\s+max_miss_s\\[car\\] = 1\\.0000.*"), r.out());
        assertTrue(r.out().matches("(?s).*FAIL\\s+recall\\[car, 0-30m\\] drop <= 0.05.*significant regression.*"), r.out());
        assertTrue(r.out().matches("(?s).*PASS\\s+err\\[car, 0-30m\\]\\.pos\\.p99 <= 0\\.1.*"), r.out());
    }

    @Test
    void emptyCatalogueFailsWithAClearLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = CliRun.of("gate", "--catalog", empty.toString(), "--logs", fx.root.toString(), "--candidate",
                results("good", i -> true, 0).toString());
        assertTrue(r.exitCode() == 1 || r.exitCode() == 3, r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("no scenario"), r.out() + r.err());
    }

    @Test
    void catalogueWithoutGatesFailsWithAClearLine() throws IOException {
        String text = Files.readString(fx.catalog.resolve("car.yaml"));
        Files.writeString(fx.catalog.resolve("car.yaml"), text.substring(0, text.indexOf("gates:")));
        CliRun r = fx.gate(results("good", i -> true, 0).toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("has no gate in any scenario: nothing was checked"), r.err());
    }

    @Test
    void missingCatalogueIsBadInput() throws IOException {
        CliRun r = CliRun.of("gate", "--catalog", dir.resolve("nowhere").toString(), "--logs", fx.root.toString(),
                "--candidate", results("good", i -> true, 0).toString());
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("nowhere"), r.err());
    }

    @Test
    void windowWithoutFramesJudgesNothingAndFails() throws IOException {
        // The fixture log is annotated every 0.1 s: a 5.81-5.89 s window (annotations every 0.1 s) holds no frame.
        Files.writeString(fx.catalog.resolve("car.yaml"), Files.readString(fx.catalog.resolve("car.yaml"))
                .replace("{start: 0s, end: 5s}", "{start: 5810ms, end: 5890ms}"));
        CliRun r = fx.gate(results("good", i -> true, 0).toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("no annotated frame in its window: nothing judged"), r.out());
    }
}
