package io.avreplay.scenario.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.scenario.catalog.CatalogReader;
import io.avreplay.scenario.catalog.LogRef;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import io.avreplay.replay.arrow.ArrowTest;
import org.junit.jupiter.api.Test;

class MinerTest extends ArrowTest {
    final RuleReader rules = new RuleReader(NuScenesConfig.DETECTION_NAMES);
    MiningLog log;

    @BeforeEach
    void setUp() {
        MiningLogs.write(tmp.resolve("logs/mining-log"), allocator);
        try (LogReader r = LogReader.open(tmp.resolve("logs/mining-log"), allocator)) {
            log = Miner.load(r);
        }
    }

    /** Window of a rule as [start, end] seconds from log start. */
    Map<String, List<double[]>> windows() {
        return new Miner(rules.readDefault()).mine(log).stream().collect(Collectors.groupingBy(w -> w.rule().id(),
                Collectors.mapping(w -> new double[] {(w.startNs() - MiningLogs.T0) / 1e9, (w.endNs() - MiningLogs.T0) / 1e9},
                        Collectors.toList())));
    }

    static void assertWindow(List<double[]> ws, double start, double end) {
        assertEquals(1, ws.size(), "one window");
        assertEquals(start, ws.get(0)[0], 0.101, "start");
        assertEquals(end, ws.get(0)[1], 0.101, "end");
    }

    @Test
    void defaultRulesFindEachKnownEventWithRollAndMerging() {
        Map<String, List<double[]>> w = windows();
        // Pedestrian inside the corridor 5.617–6.383 s: frames 5.7–6.3, ±2 s roll, merged into one window.
        assertWindow(w.get("vru-in-path"), 3.7, 8.3);
        // Cut-in: inside |y| <= 1.8 from t = 9.729 s, first frame 9.8 s.
        assertWindow(w.get("cut-in"), 7.8, 11.8);
        // Pop-out at 2.0 s after 1 s hidden; pre-roll clipped at log start.
        assertWindow(w.get("pop-out"), 0.0, 4.0);
        // Dense: 14 cars 11.0–12.0 s (15 with the cut-in car, all within 30 m).
        assertWindow(w.get("dense-traffic"), 9.0, 14.0);
        // Braking 5 m/s² over 14–16 s; central difference over 0.5 s exceeds 3.5 from 14.2 to 15.8 s.
        assertWindow(w.get("hard-braking"), 12.2, 17.8);
        // Pothole 10 m ahead 17–18 s; post-roll clipped at the log end (19.99 s).
        assertWindow(w.get("static-hazard"), 15.0, 19.99);
    }

    @Test
    void minedScenariosAreValidCatalogueFiles() throws IOException {
        RuleSet set = rules.readDefault();
        List<MinedWindow> ws = new Miner(set).mine(log);
        Path cat = Files.createDirectories(tmp.resolve("catalog"));
        for (int i = 0; i < ws.size(); i++) {
            Files.writeString(cat.resolve("s" + i + ".yaml"),
                    MinedScenarios.toYaml(ws.get(i), 0, "mining-log", log.startNs(), set.source()));
        }
        List<Scenario> read = new CatalogReader(NuScenesConfig.DETECTION_NAMES, YamlFiles.DEFAULT_MAX_BYTES)
                .read(cat).scenarios();
        assertEquals(6, read.size());
        Scenario cut = read.stream().filter(s -> s.id().equals("mining-log-cut-in-1")).findFirst().orElseThrow();
        assertEquals(new LogRef.LogPath("mining-log"), cut.log());
        assertEquals("cut-in", cut.provenance().get("rule"));
        assertTrue(cut.provenance().get("parameters").startsWith("cut_in(categories=[bus, car, motorcycle, truck]"));
        assertEquals("avreplay 0.1.0", cut.provenance().get("tool"));
        long[] abs = cut.absoluteWindow(log.startNs(), log.endNs());
        assertEquals(7.8, (abs[0] - MiningLogs.T0) / 1e9, 0.101);
    }

    @Test
    void badRuleFilesNameFileLineAndField() throws IOException {
        Path f = Files.writeString(tmp.resolve("r.yaml"), """
                rules:
                  - id: x
                    title: X
                    classes: [car]
                    when:
                      teleport: {rangeM: 3}
                """);
        String m = assertThrows(InvalidConfigException.class, () -> rules.read(f)).getMessage();
        assertTrue(m.contains("r.yaml:6: field 'rules[0].when.teleport': unknown predicate 'teleport'"), m);
        Files.writeString(f, """
                rules:
                  - id: x
                    title: X
                    classes: [car]
                    when: {cut_in: {horizonS: -1}}
                """);
        m = assertThrows(InvalidConfigException.class, () -> rules.read(f)).getMessage();
        assertTrue(m.contains("field 'rules[0].when.cut_in.horizonS': must be > 0"), m);
    }
}
