package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.cli.AvreplayCli;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.Verdict;
import io.avreplay.scenario.report.JsonReport;
import io.avreplay.scenario.report.MarkdownReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet gate} on {@code local[2]} against {@code avreplay gate} on the same catalogue (two recipe
 * scenarios, a gate of every kind: absolute and paired-bootstrap nuScenes, bins, per-frame criteria, error
 * statistics, timelines, tracking): the same JSON and Markdown reports, byte for byte.
 */
class FleetGateTest {
    @TempDir
    Path tmp;

    @Test
    void aCataloguesLogsForFleetRunAreEachLogOnceAndExist() throws IOException {
        // Three scenarios, two of them windows of the same recipe log: two logs, in catalogue order.
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        int[] seeds = {5, 5, 6};
        for (int i = 0; i < seeds.length; i++) {
            Files.writeString(catalog.resolve("s" + i + ".yaml"), scenario(i, "A pedestrian crosses",
                    "Recipe scenario for the fleet run catalogue input.", seeds[i], "[pedestrian]", "[pedestrian]",
                    "nds >= 0.0"));
        }
        Path root = tmp.resolve("logs");
        java.util.List<String> logs = FleetGate.catalogueLogs(catalog.toString(), root.toString(),
                new org.apache.hadoop.conf.Configuration());
        assertEquals(2, logs.size(), logs.toString());
        assertTrue(logs.get(0).endsWith("pedestrian-crossing-seed5-1000ms"), logs.toString());
        assertTrue(logs.get(1).endsWith("pedestrian-crossing-seed6-1000ms"), logs.toString());
        for (String log : logs) {
            assertTrue(Path.of(log).startsWith(root), log);
            assertTrue(Files.isRegularFile(Path.of(log).resolve("log.json")), log);
        }
    }

    @Test
    void theReportsEqualTheCliGateByteForByte() throws IOException {
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        for (int i = 0; i < 2; i++) {
            Files.writeString(catalog.resolve("s" + i + ".yaml"), scenario(i, "A pedestrian crosses, seed " + i,
                    "Short recipe scenario for the fleet gate test.", 5 + i, "[pedestrian, car]", "[car, pedestrian]",
                    "nds >= 0.0", "nds >= 0.999", "ap[car]@2m drop <= 0.02", "recall[pedestrian, 0-30m] drop <= 0.03",
                    "frames[pedestrian, 0-30m].tp_rate(normal) >= 0.5", "err[car, 0-50m].yaw.p90 rise <= 0.05",
                    "max_miss_s[pedestrian, 0-20m] <= 0.5", "first_detect_s[pedestrian] <= 0.3",
                    "detected_share[car, 0-30m] >= 0.5", "amota[pedestrian] >= 0.0", "ids[car] <= 3"));
        }
        Path logs = tmp.resolve("logs");
        Path cliJson = tmp.resolve("cli.json");
        Path cliMd = tmp.resolve("cli.md");
        StringWriter err = new StringWriter();
        int code = AvreplayCli.create(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute("gate",
                "--catalog", catalog.toString(), "--logs", logs.toString(), "--candidate", "default", "--baseline",
                "default", "--resamples", "200", "--json", cliJson.toString(), "--markdown", cliMd.toString());
        assertEquals(1, code, err.toString()); // nds >= 0.999 fails on purpose
        // the same catalogue and logs through another file system; one recipe log missing there is generated
        Path logs2 = tmp.resolve("logs2");
        copyTree(logs, logs2);
        Path oneLog;
        try (Stream<Path> s = Files.walk(logs2)) {
            oneLog = s.filter(p -> p.endsWith("log.json")).sorted().findFirst().orElseThrow().getParent();
        }
        deleteTree(oneLog);
        GateRun run;
        GateRun remote;
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]")
                .setAppName("FleetGateTest").set("spark.ui.enabled", "false")
                .set("spark.hadoop.fs." + FleetTestFs.SCHEME + ".impl", FleetTestFs.class.getName()))) {
            run = FleetGate.run(spark, new FleetGate.Job(catalog.toString(), logs.toString(), "default",
                    Optional.of("default"), new BootstrapConfig(200, 0.95, 20240607)));
            remote = FleetGate.run(spark, new FleetGate.Job(FleetTestFs.uri(catalog), FleetTestFs.uri(logs2), "default",
                    Optional.of("default"), new BootstrapConfig(200, 0.95, 20240607)));
        }
        assertTrue(Files.isRegularFile(oneLog.resolve("log.json")), "the missing recipe log was generated there");
        String when = "\"started_at\" : \"[0-9T:-]+\"";
        assertEquals(JsonReport.render(run).replaceAll(when, "started_at").replace(catalog.toString(),
                FleetTestFs.uri(catalog)), JsonReport.render(remote).replaceAll(when, "started_at"));
        assertEquals(2, run.scenarios().size());
        assertEquals("crossing-0", run.scenarios().get(0).id());
        assertTrue(run.failed());
        // every gate of the 1 s scenarios is decided on a defined value (the logs are short, not empty of content)
        run.scenarios().forEach(sc -> sc.gates().forEach(g -> assertTrue(g.verdict() != Verdict.SKIPPED
                && !Double.isNaN(g.candidate()), sc.id() + ": " + g)));
        // the same document but for the start time (to the second) of each run
        assertEquals(Files.readString(cliJson).replaceAll(when, "started_at"),
                JsonReport.render(run).replaceAll(when, "started_at"));
        assertEquals(Files.readString(cliMd), MarkdownReport.render(run));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A 1 s pedestrian-crossing recipe scenario (seed {@code seed}) with the given classes and gates, as YAML. */
    static String scenario(int i, String title, String description, int seed, String actors, String classes,
            String... gates) {
        StringBuilder g = new StringBuilder();
        for (String gate : gates) {
            g.append("  - ").append(gate).append('\n');
        }
        return """
                id: crossing-%d
                title: %s
                description: %s
                log:
                  recipe: {preset: pedestrian-crossing, seed: %d, duration: 1s}
                window: {start: 0s, end: 1s}
                tags:
                  time_of_day: day
                  weather: clear
                  road_type: urban
                  actors: %s
                  zone: testbed-downtown
                classes: %s
                gates:
                """.formatted(i, title, description, seed, actors, classes) + g;
    }
}
