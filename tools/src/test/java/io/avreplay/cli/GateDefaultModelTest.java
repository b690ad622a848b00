package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gate --candidate default}: the recipe log is synthesized into the log root on first use, the
 * shipped lidar model runs on it, and each gate is judged; a failing gate exits 1 with reports written.
 */
class GateDefaultModelTest {
    @TempDir
    Path tmp;

    @Test
    void shippedModelIsGatedOnARecipeScenario() throws Exception {
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        Files.writeString(catalog.resolve("crossing.yaml"), GateFixture.recipeScenario("crossing-short",
                "pedestrian-crossing", 3, "urban", "pedestrian, car", "car, pedestrian",
                "nds >= 0.0", "nds >= 0.999", "ap[car]@2m drop <= 0.02"));
        Path logs = tmp.resolve("logs");
        Path junit = tmp.resolve("report.xml");
        Path html = tmp.resolve("report.html");
        CliRun r = CliRun.of("gate", "--catalog", catalog.toString(), "--logs", logs.toString(), "--candidate",
                "default", "--baseline", "default", "--resamples", "200", "--junit", junit.toString(), "--html", html.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL crossing-short"), r.out());
        assertTrue(r.out().matches("(?s).*PASS\\s+nds >= 0.0.*"), r.out());
        assertTrue(r.out().matches("(?s).*FAIL\\s+nds >= 0.999.*"), r.out());
        assertTrue(r.out().matches("(?s).*PASS\\s+ap\\[car\\]@2m drop <= 0.02.*"),
                "the same model as baseline cannot regress: " + r.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuite") && xml.contains("<failure"), xml);
        String page = Files.readString(html);
        assertTrue(page.contains("data:image/png;base64,"), "the failing scenario shows its worst frames inline");
        assertTrue(page.contains("missed "), "each worst frame is captioned with its errors");
        assertTrue(page.matches("(?s).*<figcaption>\\d+\\.\\d s from the log start: .*"),
                "worst frames are placed in seconds from the log start");
        try (var s = Files.walk(logs)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().equals("log.json")), "recipe log cached under --logs");
        }
    }
}
