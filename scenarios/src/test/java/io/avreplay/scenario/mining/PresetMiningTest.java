package io.avreplay.scenario.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.scenario.synth.Presets;
import io.avreplay.scenario.synth.SynthEvent;
import io.avreplay.scenario.synth.SynthOptions;
import io.avreplay.scenario.synth.Synthesizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default rules find the events the synthesizer put into its presets (the truth is recorded in the
 * manifest): every pedestrian crossing overlaps a {@code vru-in-path} window, every cut-in a
 * {@code cut-in} window.
 */
class PresetMiningTest extends ArrowTest {
    @ParameterizedTest
    @CsvSource({"pedestrian-crossing, 3, pedestrian_crossing, vru-in-path",
        "pedestrian-crossing, 11, pedestrian_crossing, vru-in-path",
        "cut-in, 21, cut_in, cut-in",
        "cut-in, 5, cut_in, cut-in"})
    void defaultRulesFindThePresetsEvents(String preset, long seed, String eventType, String rule) {
        Path log = tmp.resolve(preset + "-" + seed);
        // Lidar and GT at 10 Hz drive mining; the camera is not needed, so 1 Hz keeps the test quick.
        Synthesizer.generate(Presets.load(preset), seed, 12_000_000_000L,
                SynthOptions.defaults().withRates(10, 1), log, allocator);
        Miner miner = new Miner(new RuleReader(NuScenesConfig.DETECTION_NAMES).readDefault());
        try (LogReader r = LogReader.open(log, allocator)) {
            // An event still running when the log ends (its end clipped to the log's end) may not have
            // happened yet, e.g. a lane change only begun; only completed events are owed a window.
            long logEnd = r.manifest().endNs();
            List<SynthEvent> events = SynthEvent.fromManifest(r.manifest()).stream()
                    .filter(e -> e.type().equals(eventType) && e.endNs() < logEnd).toList();
            assertFalse(events.isEmpty(), "the preset must contain at least one " + eventType);
            List<MinedWindow> windows = miner.mine(Miner.load(r)).stream()
                    .filter(w -> w.rule().id().equals(rule)).toList();
            for (SynthEvent e : events) {
                assertTrue(windows.stream().anyMatch(w -> w.startNs() <= e.endNs() && e.startNs() <= w.endNs()),
                        preset + " seed " + seed + ": " + e + " not covered by any '" + rule + "' window " + windows);
            }
            assertEquals(r.manifest().logId(), windows.get(0).logId());
        }
    }
}
