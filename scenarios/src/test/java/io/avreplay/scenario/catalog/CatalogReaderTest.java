package io.avreplay.scenario.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.scenario.gate.MetricKind;
import io.avreplay.scenario.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReaderTest {
    static final String GOOD = """
            id: ped-1
            title: Pedestrian crossing
            log:
              recipe: {preset: pedestrian-crossing, seed: 7, duration: 20s}
            window: {start: 2s, end: 12s}
            tags: {time_of_day: day, weather: clear, road_type: urban, actors: [pedestrian], zone: a}
            classes: [pedestrian, car]
            gates:
              - ap[pedestrian]@2m >= 0.6
              - ap[car]@2m drop <= 0.02
              - nds >= 0.5
            """;

    @TempDir
    Path dir;

    final CatalogReader reader = new CatalogReader(NuScenesConfig.DETECTION_NAMES, YamlFiles.DEFAULT_MAX_BYTES);

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsAGoodScenario() throws IOException {
        Scenario s = reader.readFile(write("a.yaml", GOOD));
        assertEquals("ped-1", s.id());
        assertEquals(new LogRef.Recipe("pedestrian-crossing", 7, 20_000_000_000L), s.log());
        assertEquals(new TimeWindow(2_000_000_000L, 12_000_000_000L, true), s.window());
        assertEquals(3, s.gates().size());
        assertTrue(s.gates().get(1).regression());
        assertEquals(MetricKind.NDS, s.gates().get(2).metric().kind());
        assertEquals("urban", s.tags().get(TagKey.ROAD_TYPE).get(0));
    }

    @Test
    void shippedCatalogueIsValidAndCoversEveryPreset() {
        Catalog c = reader.read(Path.of("catalog"));
        assertTrue(c.scenarios().size() >= 8, "at least eight scenarios");
        Set<String> presets = c.scenarios().stream().map(s -> ((LogRef.Recipe) s.log()).preset()).collect(Collectors.toSet());
        assertEquals(Set.of("urban-intersection", "pedestrian-crossing", "congested-arterial", "night-rain", "cut-in",
                "pothole-road"), presets);
    }

    String error(String text) throws IOException {
        Path f = write("bad.yaml", text);
        return assertThrows(BadInputException.class, () -> reader.readFile(f)).getMessage();
    }

    @Test
    void unknownMetricNamesFileLineAndField() throws IOException {
        String m = error(GOOD.replace("nds >= 0.5", "hota >= 0.5"));
        assertTrue(m.startsWith(dir.resolve("bad.yaml") + ":11: field 'gates[2]':"), m);
        assertTrue(m.contains("unknown metric 'hota'"), m);
    }

    @Test
    void unknownClassInGate() throws IOException {
        String m = error(GOOD.replace("ap[pedestrian]@2m", "ap[unicorn]@2m"));
        assertTrue(m.contains(":9: field 'gates[0]':") && m.contains("unknown class 'unicorn'"), m);
    }

    @Test
    void gateClassMustBeAScenarioClass() throws IOException {
        String m = error(GOOD.replace("ap[car]@2m drop", "ap[truck]@2m drop"));
        assertTrue(m.contains("field 'gates[1]'") && m.contains("not one of the scenario's classes"), m);
    }

    @Test
    void unknownClassInClasses() throws IOException {
        String m = error(GOOD.replace("classes: [pedestrian, car]", "classes: [pedestrian, dragon]"));
        assertTrue(m.contains(":7: field 'classes[1]':") && m.contains("unknown class 'dragon'"), m);
    }

    @Test
    void unknownFieldAndMissingField() throws IOException {
        assertTrue(error(GOOD + "colour: red\n").contains(":12: field 'colour': unknown field"));
        assertTrue(error(GOOD.replace("title: Pedestrian crossing\n", "")).contains("missing required field 'title'"));
    }

    @Test
    void windowOutsideRecipeLog() throws IOException {
        String m = error(GOOD.replace("end: 12s", "end: 25s"));
        assertTrue(m.contains(":5: field 'window':") && m.contains("outside its log"), m);
    }

    @Test
    void logPathEscapesAreRejectedWhenRead() throws IOException {
        String base = GOOD.replace("recipe: {preset: pedestrian-crossing, seed: 7, duration: 20s}", "path: PATH");
        assertTrue(error(base.replace("PATH", "../elsewhere/log")).contains("must not contain '..'"));
        assertTrue(error(base.replace("PATH", "a/../../log")).contains("must not contain '..'"));
        assertTrue(error(base.replace("PATH", "/etc/log")).contains("not absolute"));
    }

    @Test
    void duplicateIdsAcrossTheCatalogue() throws IOException {
        write("a.yaml", GOOD);
        write("b.yaml", GOOD);
        String m = assertThrows(BadInputException.class, () -> reader.read(dir)).getMessage();
        assertTrue(m.contains("b.yaml:1: field 'id': duplicate scenario id 'ped-1'") && m.contains("a.yaml:1"), m);
    }

    @Test
    void yamlBombIsRefused() throws IOException {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;
        String m = error(bomb);
        assertTrue(m.contains("aliases are not allowed"), m);
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String deep = "id: " + "[".repeat(200) + "]".repeat(200) + "\n";
        String m = error(deep);
        assertTrue(m.contains("bad.yaml"), m);
    }

    @Test
    void fileOverTheSizeLimit() throws IOException {
        String big = GOOD + "description: '" + "x".repeat(300_000) + "'\n";
        String m = error(big);
        assertTrue(m.contains("over the limit of 262144 bytes"), m);
    }

    @Test
    void duplicateKeyInOneFile() throws IOException {
        String m = error(GOOD + "id: again\n");
        assertTrue(m.contains(":12: field 'id': duplicate key"), m);
    }
}
