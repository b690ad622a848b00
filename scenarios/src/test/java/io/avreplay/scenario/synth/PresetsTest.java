package io.avreplay.scenario.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {
    @TempDir
    Path tmp;

    @Test
    void everyBuiltInLoadsAndRoundTripsThroughJson() throws Exception {
        for (String name : Presets.BUILT_IN) {
            Preset p = Presets.load(name);
            assertEquals(name, p.name());
            Path f = tmp.resolve(name + ".json");
            Files.writeString(f, Presets.toJson(p));
            assertEquals(p, Presets.load(f.toString()));
        }
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        assertTrue(assertThrows(InvalidConfigException.class, () -> Presets.load("moon-base")).getMessage()
                .contains("unknown preset 'moon-base'"));
        String yaml = Files.readString(Path.of("src/main/resources/presets/cut-in.yaml"));
        Path f = tmp.resolve("p.yaml");
        Files.writeString(f, yaml.replace("  cruiseSpeedMps: 16\n", ""));
        assertTrue(assertThrows(InvalidConfigException.class, () -> Presets.load(f.toString())).getMessage()
                .contains("'ego.cruiseSpeedMps' is missing"));
        Files.writeString(f, yaml.replace("cruiseSpeedMps: 16", "cruiseSpeedMps: -3"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> Presets.load(f.toString())).getMessage()
                .contains("'ego.cruiseSpeedMps' must be in [0.0, 40.0], got -3.0"));
        Files.writeString(f, yaml.replace("  buildings: true\n", "  buildings: true\n  colour: red\n"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> Presets.load(f.toString())).getMessage()
                .contains("unknown field 'road.colour'"));
        assertTrue(assertThrows(InvalidConfigException.class, () -> Presets.load(tmp.resolve("none.yaml").toString()))
                .getMessage().contains("no such preset file"));
    }
}
