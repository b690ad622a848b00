package io.avreplay.scenario.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.scenario.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import io.avreplay.replay.arrow.ArrowTest;
import org.junit.jupiter.api.Test;

class LogRootTest extends ArrowTest {
    final CatalogReader reader = new CatalogReader(NuScenesConfig.DETECTION_NAMES, YamlFiles.DEFAULT_MAX_BYTES);

    Scenario scenario(String log, String window) throws IOException {
        Path f = Files.writeString(tmp.resolve("s.yaml"), """
                id: s
                title: t
                log: LOG
                window: WINDOW
                classes: [car]
                """.replace("LOG", log).replace("WINDOW", window));
        return reader.readFile(f);
    }

    @Test
    void resolvesALogUnderTheRootAndChecksTheWindow() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        TestLogs.write(root.resolve("drives/a"), allocator, TestLogs.Spec.small());
        Scenario s = scenario("{path: drives/a}", "{start: 0.1s, end: 0.5s}");
        Path p = new LogRoot(root, Optional.empty()).logDirectory(s);
        LogManifest m = LogReader.readManifest(p);
        long[] w = s.absoluteWindow(m.startNs(), m.endNs());
        assertEquals(TestLogs.T0 + 100_000_000L, w[0]);

        Scenario outside = scenario("{path: drives/a}", "{start: 0s, end: 5s}");
        String msg = assertThrows(BadInputException.class, () -> outside.absoluteWindow(m.startNs(), m.endNs())).getMessage();
        assertTrue(msg.contains("s.yaml:4: field 'window':") && msg.contains("outside its log"), msg);
    }

    @Test
    void missingLogNamesTheScenarioFileAndLine() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Scenario s = scenario("{path: drives/none}", "{start: 0s, end: 1s}");
        String msg = assertThrows(BadInputException.class, () -> new LogRoot(root, Optional.empty()).logDirectory(s))
                .getMessage();
        assertTrue(msg.contains("s.yaml:3: field 'log':") && msg.contains("not found under the log root"), msg);
    }

    @Test
    void symlinkOutOfTheRootIsRejected() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = tmp.resolve("outside/log");
        TestLogs.write(outside, allocator, TestLogs.Spec.small());
        Files.createSymbolicLink(root.resolve("link"), outside);
        Scenario s = scenario("{path: link}", "{start: 0s, end: 0.5s}");
        String msg = assertThrows(BadInputException.class, () -> new LogRoot(root, Optional.empty()).logDirectory(s))
                .getMessage();
        assertTrue(msg.contains("symbolic link outside the log root"), msg);
    }

    @Test
    void recipeIsGeneratedOnceAndCached() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        AtomicInteger calls = new AtomicInteger();
        RecipeGenerator gen = (r, out) -> {
            calls.incrementAndGet();
            TestLogs.write(out, allocator, TestLogs.Spec.small().withId(r.preset() + "-" + r.seed()));
        };
        Scenario s = scenario("{recipe: {preset: cut-in, seed: 3, duration: 1s}}", "{start: 0s, end: 0.5s}");
        LogRoot logs = new LogRoot(root, Optional.of(gen));
        Path a = logs.logDirectory(s);
        Path b = logs.logDirectory(s);
        assertEquals(a, b);
        assertEquals(1, calls.get());
        assertTrue(a.startsWith(root.resolve(".synth")));
        assertEquals("cut-in-3", LogReader.readManifest(a).logId());
    }

    @Test
    void recipeWithoutGeneratorOrCacheIsAClearError() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Scenario s = scenario("{recipe: {preset: cut-in, seed: 3, duration: 1s}}", "{start: 0s, end: 0.5s}");
        String msg = assertThrows(BadInputException.class, () -> new LogRoot(root, Optional.empty()).logDirectory(s))
                .getMessage();
        assertTrue(msg.contains("not cached") && msg.contains("no synthesizer"), msg);
    }
}
