package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    @TempDir
    Path dir;

    GateFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new GateFixture(dir, """
                gates:
                  - ap[car]@2m >= 0.9
                  - ap[car]@2m drop <= 0.05
                """);
        fx.results("good", i -> true, 0);
        fx.results("bad", i -> false, 0);
    }

    @Test
    void passingRunWritesEveryReport() {
        CliRun r = fx.gate(dir.resolve("good").toString(), "--baseline", dir.resolve("good").toString(),
                "--junit", dir.resolve("out/junit.xml").toString(), "--markdown", dir.resolve("out/summary.md").toString(),
                "--html", dir.resolve("out/report.html").toString(), "--json", dir.resolve("out/report.json").toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("PASS car-ahead (51 frames)"), r.out());
        assertTrue(Files.exists(dir.resolve("out/junit.xml")));
    }

    @Test
    void regressionFailsWithExitOneAndReports() throws IOException {
        CliRun r = fx.gate(dir.resolve("bad").toString(), "--baseline", dir.resolve("good").toString(),
                "--junit", dir.resolve("junit.xml").toString(), "--html", dir.resolve("r.html").toString(),
                "--markdown", dir.resolve("r.md").toString(), "--json", dir.resolve("r.json").toString());
        assertEquals(1, r.exitCode(), r.err() + r.out());
        String junit = Files.readString(dir.resolve("junit.xml"));
        assertTrue(junit.contains("<testcase classname=\"car-ahead\" name=\"ap[car]@2m drop &lt;= 0.05\" time=\""), junit);
        assertTrue(junit.contains("significant regression"), junit);
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("<svg") && html.contains("<polyline") && html.contains("Worst frames"), "svg");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=\"http"), "self-contained");
        assertTrue(Files.readString(dir.resolve("r.md")).contains("❌"));
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"verdict\" : \"fail\""));
    }

    @Test
    void missingLogIsBadInputAndNothingIsWritten() throws IOException {
        Files.writeString(fx.catalog.resolve("missing.yaml"), """
                id: missing
                title: Missing log
                log: {path: drives/none}
                window: {start: 0s, end: 1s}
                classes: [car]
                """);
        CliRun r = fx.gate(dir.resolve("good").toString(), "--junit", dir.resolve("j.xml").toString());
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("missing.yaml:3: field 'log':") && r.err().contains("not found"), r.err());
        assertFalse(Files.exists(dir.resolve("j.xml")));
    }

    @Test
    void windowOutsideItsLogIsBadInput() throws IOException {
        Files.writeString(fx.catalog.resolve("car.yaml"), Files.readString(fx.catalog.resolve("car.yaml")).replace("end: 5s", "end: 60s"));
        CliRun r = fx.gate(dir.resolve("good").toString(), "--json", dir.resolve("j.json").toString());
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("field 'window'") && r.err().contains("outside its log"), r.err());
        assertFalse(Files.exists(dir.resolve("j.json")));
    }

    @Test
    void symlinkEscapeIsBadInput() throws IOException {
        Files.createSymbolicLink(fx.root.resolve("escape"), dir.resolve("good"));
        Files.writeString(fx.catalog.resolve("car.yaml"), Files.readString(fx.catalog.resolve("car.yaml"))
                .replace("drives/a", "escape"));
        CliRun r = fx.gate(dir.resolve("good").toString());
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("outside the log root"), r.err());
    }

    @Test
    void shippedCatalogueValidatesListsAndCovers() {
        Path shipped = Path.of("..", "scenarios", "catalog");
        CliRun v = CliRun.of("scenarios", "validate", shipped.toString());
        assertEquals(0, v.exitCode(), v.err());
        CliRun l = CliRun.of("scenarios", "list", shipped.toString());
        assertTrue(l.out().contains("cut-in-close"), l.out());
        CliRun s = CliRun.of("scenarios", "show", shipped.toString(), "cut-in-close");
        assertTrue(s.out().contains("recipe cut-in seed 21"), s.out());
        CliRun c = CliRun.of("scenarios", "coverage", shipped.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("object instances not counted") && c.out().contains("weather=snow"), c.out());
    }

    @Test
    void coverageCountsInstancesWithLogs() {
        CliRun c = CliRun.of("scenarios", "coverage", fx.catalog.toString(), "--logs", fx.root.toString());
        assertEquals(0, c.exitCode(), c.err());
        // The fixture has one car track and one pedestrian track in the window.
        assertTrue(c.out().matches("(?s).*\\ncar\\s+1\\s+5\\.0\\s+1\\n.*"), c.out());
    }

    @Test
    void mineWritesValidScenarios() {
        Path out = dir.resolve("mined");
        CliRun m = CliRun.of("scenarios", "mine", fx.root.resolve("drives/a").toString(), "--log-root", fx.root.toString(),
                "--out", out.toString());
        assertEquals(0, m.exitCode(), m.err());
        // The fixture's car is always 10-40 m straight ahead: no rule but possibly none fires; the output must validate.
        if (Files.exists(out)) {
            assertEquals(0, CliRun.of("scenarios", "validate", out.toString()).exitCode());
        }
    }
}
