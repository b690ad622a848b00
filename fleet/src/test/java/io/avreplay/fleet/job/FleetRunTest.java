package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.cli.AvreplayCli;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.ResultJson;
import io.avreplay.perception.run.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same numbers as one machine (issue 20's done-when): {@code fleet run} on {@code local[2]} over 20
 * synthesized logs of 1 s, one of them corrupt, against {@code avreplay run} (the real CLI, in-process) on
 * the 19 good logs: the same metrics JSON, tracking and provenance included. One job serves every test
 * (the models load once per JVM).
 */
class FleetRunTest {
    @TempDir
    static Path tmp;
    static JavaSparkContext spark;
    static List<String> good;
    static String corrupt;
    static String missing;
    static FleetRun.Report report;
    static JsonNode cliMetrics;

    /** Good logs, then the corrupt copy of one of them placed among them at this position. */
    static final int GOOD_LOGS = 19;
    static final int CORRUPT_AT = 7;

    @BeforeAll
    static void runBoth() throws IOException {
        String[] presets = {"urban-intersection", "pedestrian-crossing", "congested-arterial"};
        good = new java.util.ArrayList<>();
        for (int i = 0; i < GOOD_LOGS; i++) {
            Path log = tmp.resolve("log" + i);
            cli(0, "synth", "--preset", presets[i % presets.length], "--seed", String.valueOf(11 + i), "--duration",
                    "1s", "--out", log.toString());
            good.add(log.toString());
        }
        corrupt = corruptCopy(Path.of(good.get(0)), tmp.resolve("corrupt")).toString();
        missing = tmp.resolve("no-such-log").toString();
        String[] runArgs = Stream.concat(Stream.of("run"), Stream.concat(good.stream(),
                Stream.of("--out", tmp.resolve("cli").toString()))).toArray(String[]::new);
        cli(0, runArgs);
        cliMetrics = ResultJson.MAPPER.readTree(tmp.resolve("cli/metrics.json").toFile());
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("FleetRunTest")
                .set("spark.ui.enabled", "false"));
        List<String> fleetLogs = new java.util.ArrayList<>(good);
        fleetLogs.add(CORRUPT_AT, corrupt);
        report = FleetRun.run(spark, job(fleetLogs, tmp.resolve("fleet"), false));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void mergedMetricsEqualTheCliOverTheSameLogsByteForByte() throws IOException {
        JsonNode fleet = ResultJson.MAPPER.readTree(tmp.resolve("fleet/metrics.json").toFile());
        assertEquals(ResultJson.write(comparable(cliMetrics)), ResultJson.write(comparable(fleet)));
        // and the numbers are real: the default lidar model finds something on urban scenes, the tracker tracks
        assertTrue(fleet.at("/lidar/mean_ap").asDouble() > 0, fleet.at("/lidar").toString());
        assertTrue(fleet.at("/tracking").has("amota"), fleet.at("/tracking").toString());
        assertTrue(fleet.at("/camera").isObject(), "the camera model ran");
        // 19 scored logs, in input order, each once in the provenance
        assertEquals(GOOD_LOGS, report.result().logIds().size());
        assertEquals(GOOD_LOGS, fleet.at("/provenance/logs").size());
        assertEquals(GOOD_LOGS, fleet.get("per_log").size());
        assertEquals(cliMetrics.at("/timing/sweeps"), fleet.at("/timing/sweeps"));
    }

    @Test
    void theCorruptLogFailsAloneWithTheCliMessageAndIsListed() {
        JsonNode failed = report.document().get("failed_logs");
        assertEquals(1, failed.size(), failed.toString());
        assertEquals(corrupt, failed.get(0).get("path").asText());
        // the CLI's own line: "avreplay run: <message>", exit 3
        assertEquals(cliError(corrupt), "avreplay run: " + failed.get(0).get("error").asText());
        assertEquals(List.of(), report.failed().stream().filter(f -> !f.path().equals(corrupt)).toList());
    }

    @Test
    void perLogJsonEqualsTheCliOnThatLogAlone() throws IOException {
        cli(0, "run", good.get(1), "--out", tmp.resolve("cli-one").toString());
        JsonNode alone = ResultJson.MAPPER.readTree(tmp.resolve("cli-one/metrics.json").toFile());
        String logId = report.result().logIds().get(1);
        Path perLog = Path.of(report.document().get("per_log").get(logId).asText());
        assertTrue(perLog.startsWith(tmp.resolve("fleet/logs")), perLog.toString());
        JsonNode fleetOne = ResultJson.MAPPER.readTree(perLog.toFile());
        assertEquals(ResultJson.write(comparable(alone)), ResultJson.write(comparable(fleetOne)));
    }

    @Test
    void failFastStopsTheJobWithTheLogsError() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> FleetRun.run(spark, job(List.of(missing), tmp.resolve("ff"), true)));
        assertEquals(cliError(missing), "avreplay run: " + LogJob.oneLine(e));
        assertFalse(Files.exists(tmp.resolve("ff")), "nothing is published when the job fails");
    }

    static FleetRun.Job job(List<String> logs, Path out, boolean failFast) {
        return new FleetRun.Job(logs, ModelShipment.of("default", "default", 1), RunOptions.defaults(), out.toString(), false,
                failFast);
    }

    /**
     * The document without what differs by design: timings (the run's and the evaluator's
     * {@code eval_time}), output paths, the fleet's own additions.
     */
    static ObjectNode comparable(JsonNode doc) {
        ObjectNode c = doc.deepCopy();
        for (String k : List.of("timing", "outputs", "per_log", "failed_logs")) {
            c.remove(k);
        }
        ((ObjectNode) c.get("lidar")).remove("eval_time");
        return c;
    }

    static String cliError(String log) {
        StringWriter err = new StringWriter();
        int code = AvreplayCli.create(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("run", log, "--out", tmp.resolve("cli-bad-" + Math.abs(log.hashCode())).toString());
        assertEquals(3, code, err.toString());
        return err.toString().strip();
    }

    static void cli(int expected, String... args) {
        StringWriter err = new StringWriter();
        int code = AvreplayCli.create(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(args);
        assertEquals(expected, code, String.join(" ", args) + ": " + err);
    }

    /** A copy of {@code log} whose largest file is cut to half its length. */
    static Path corruptCopy(Path log, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(log)) {
            for (Path p : s.toList()) {
                Files.copy(p, target.resolve(log.relativize(p).toString()));
            }
        }
        Path largest;
        try (Stream<Path> s = Files.walk(target)) {
            largest = s.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        return target;
    }
}
