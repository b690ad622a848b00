package io.avreplay.cli;

import io.avreplay.replay.arrow.TestLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.apache.arrow.memory.RootAllocator;

/**
 * The {@code gate} tests' fixture: the fixture log (60 sweeps at 10 Hz, one car ahead at x = 10 + 0.5 i m in
 * sweep i) at {@code logs/drives/a}, a catalogue holding the car-ahead scenario on it (window 0-5 s, classes
 * car and pedestrian) with the gates a test gives, and precomputed results for the log.
 */
final class GateFixture {
    static final int SWEEPS = 60;

    final Path dir;
    final Path root;
    final Path catalog;

    /** @param scoringAndGates the scenario's {@code scoring:} and {@code gates:} blocks, YAML at the top level */
    GateFixture(Path dir, String scoringAndGates) throws IOException {
        this.dir = dir;
        this.root = Files.createDirectories(dir.resolve("logs"));
        try (RootAllocator a = new RootAllocator()) {
            TestLogs.write(root.resolve("drives/a"), a, TestLogs.Spec.small().withSweeps(SWEEPS));
        }
        this.catalog = Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(catalog.resolve("car.yaml"), """
                id: car-ahead
                title: Car ahead
                log: {path: drives/a}
                window: {start: 0s, end: 5s}
                tags: {weather: clear}
                classes: [car, pedestrian]
                """ + scoringAndGates);
    }

    /**
     * Results for the fixture log in {@code dir/name}: the exact car of every sweep where {@code hit} holds
     * (none elsewhere), stamped {@code shiftNs} after the sweep.
     */
    Path results(String name, IntPredicate hit, long shiftNs) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        StringBuilder b = new StringBuilder("{\"results\": {");
        for (int i = 0; i < SWEEPS; i++) {
            long t = TestLogs.T0 + i * TestLogs.LIDAR_PERIOD_NS + shiftNs;
            b.append(i == 0 ? "" : ",").append('"').append(t).append("\": [");
            if (hit.test(i)) {
                b.append(String.format(Locale.ROOT, "{\"translation\": [%.2f, 0, 0.8], \"size\": [1.9, 4.5, 1.6], "
                        + "\"rotation\": [1, 0, 0, 0], \"velocity\": [5, 0], \"detection_name\": \"car\", "
                        + "\"detection_score\": 0.9, \"attribute_name\": \"vehicle.moving\"}", 10 + 0.5 * i));
            }
            b.append(']');
        }
        Files.writeString(d.resolve("fixture-log.json"), b.append("}}").toString());
        return d;
    }

    /** {@code avreplay gate --catalog CATALOG --logs ROOT --candidate candidate more...} */
    CliRun gate(Object candidate, String... more) {
        List<String> args = new ArrayList<>(List.of("gate", "--catalog", catalog.toString(), "--logs", root.toString(),
                "--candidate", candidate.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /**
     * A scenario on a synthesized recipe log (seed 3), tagged as the catalogue requires, its window the whole
     * log.
     *
     * @param durationS the recipe's duration and the window's end, seconds
     */
    static String recipeScenario(String id, String preset, int durationS, String roadType, String actors,
            String classes, String... gates) {
        return """
                id: %s
                title: Recipe scenario %s
                description: Short recipe scenario for a gate test.
                log:
                  recipe: {preset: %s, seed: 3, duration: %ds}
                window: {start: 0s, end: %ds}
                tags:
                  time_of_day: day
                  weather: clear
                  road_type: %s
                  actors: [%s]
                  zone: testbed-downtown
                classes: [%s]
                gates:
                """.formatted(id, id, preset, durationS, durationS, roadType, actors, classes)
                + String.join("", List.of(gates).stream().map(g -> "  - " + g + "\n").toList());
    }
}
