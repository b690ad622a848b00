package io.avreplay.scenario.catalog;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.AvreplayException;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.scenario.synth.Synthesizer;
import io.avreplay.scenario.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D3c of the 2026-12 reliability report: a recipe cannot ask the synthesizer for more than it writes. */
class RecipeBoundsTest {
    @TempDir
    Path dir;

    @Test
    void aRecipeLongerThanTheSynthesizersLimitIsRefusedWhenRead() throws IOException {
        Path f = Files.writeString(dir.resolve("long.yaml"), CatalogReaderTest.GOOD.replace("duration: 20s",
                "duration: 7200s"));
        CatalogReader reader = new CatalogReader(NuScenesConfig.DETECTION_NAMES, YamlFiles.DEFAULT_MAX_BYTES);
        String m = assertThrows(AvreplayException.class, () -> reader.readFile(f)).getMessage();
        assertTrue(m.contains("duration must be > 0 s and <= 3600 s, got 7200.0 s"), m);
        assertThrows(IllegalArgumentException.class,
                () -> new LogRef.Recipe("cut-in", 1, Synthesizer.MAX_DURATION_NS + 1));
    }
}
