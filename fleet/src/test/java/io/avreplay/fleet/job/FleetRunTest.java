package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.cli.AvreplayCli;
import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same numbers as one machine (issue 20's done-when): {@code fleet run} on {@code local[2]} over 20
 * synthesized logs of 0.5 s, one of them corrupt, against {@code avreplay run} (the real CLI, in-process) on
 * the 19 good logs: the same metrics JSON, tracking and provenance included. One job serves every test
 * (the models load once per JVM).
 */
class FleetRunTest {
    @TempDir
    static Path tmp;
    static SparkSession session;
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
                    "0.5s", "--out", log.toString());
            good.add(log.toString());
        }
        corrupt = corruptCopy(Path.of(good.get(0)), tmp.resolve("corrupt")).toString();
        missing = tmp.resolve("no-such-log").toString();
        String[] runArgs = Stream.concat(Stream.of("run"), Stream.concat(good.stream(),
                Stream.of("--out", tmp.resolve("cli").toString()))).toArray(String[]::new);
        cli(0, runArgs);
        cliMetrics = ResultJson.MAPPER.readTree(tmp.resolve("cli/metrics.json").toFile());
        session = SparkSession.builder().master("local[2]").appName("FleetRunTest").config("spark.ui.enabled", "false")
                .config("spark.hadoop.fs." + FleetTestFs.SCHEME + ".impl", FleetTestFs.class.getName()).getOrCreate();
        spark = JavaSparkContext.fromSparkContext(session.sparkContext());
        List<String> fleetLogs = new java.util.ArrayList<>(good);
        fleetLogs.add(CORRUPT_AT, corrupt);
        report = FleetRun.run(spark, job(fleetLogs, tmp.resolve("fleet"), false));
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.stop();
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

    @Test
    void detectionsArePartitionedByLogWithTheRowsOfEachLogsArrowTables() throws IOException {
        for (String table : DetectionPartitions.TABLES) {
            Dataset<Row> parquet = session.read().parquet(tmp.resolve("fleet").resolve(table).toString());
            Map<String, Long> perLog = new TreeMap<>();
            parquet.groupBy("log_id").count().collectAsList().forEach(r -> perLog.put(r.getString(0), r.getLong(1)));
            Map<String, Long> expected = new TreeMap<>();
            for (String logId : report.result().logIds()) {
                long n = arrowRows(logDir(logId).resolve(table + ".arrow")).size();
                if (n > 0) { // an empty partition file adds no group
                    expected.put(logId, n);
                }
            }
            assertEquals(expected, perLog, table);
            assertTrue(expected.size() >= GOOD_LOGS / 2, table + ": most logs have detections: " + expected);
            // one part file per scored log, the corrupt log none
            try (Stream<Path> s = Files.walk(tmp.resolve("fleet").resolve(table))) {
                assertEquals(GOOD_LOGS, s.filter(p -> p.toString().endsWith(".parquet")).count(), table);
            }
        }
        // values: every row of one log, as the Arrow table has them (columns by the Arrow table's names)
        String logId = report.result().logIds().get(2);
        List<String> fromArrow = arrowRows(logDir(logId).resolve("detections_3d.arrow"));
        List<String> fromParquet = new java.util.ArrayList<>();
        session.read().parquet(tmp.resolve("fleet/detections_3d").toString()).where("log_id = '" + logId + "'")
                .select("log_id", "sample_token", "timestamp_ns", "category", "x", "yaw", "score").collectAsList()
                .forEach(r -> fromParquet.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2) + "|"
                        + r.getString(3) + "|" + r.getDouble(4) + "|" + r.getDouble(5) + "|" + r.getDouble(6)));
        java.util.Collections.sort(fromParquet);
        assertFalse(fromArrow.isEmpty());
        assertEquals(fromArrow, fromParquet);
    }

    @Test
    void logsGlobAndOutputOnAnotherFileSystemGiveTheLocalRunsResults() throws IOException {
        List<String> local = List.of(good.get(0), good.get(1), corrupt);
        FleetRun.Report l = FleetRun.run(spark, job(local, tmp.resolve("local3"), false));
        // log0 and log1 through a glob on the other file system, the corrupt one by its URI
        List<String> uris = new java.util.ArrayList<>(FleetPaths.expand(
                List.of(FleetTestFs.uri(tmp.resolve("log[01]"))), spark.hadoopConfiguration()));
        assertEquals(List.of(FleetTestFs.uri(good.get(0)), FleetTestFs.uri(good.get(1))), uris);
        uris.add(FleetTestFs.uri(corrupt));
        String out = FleetTestFs.uri(tmp.resolve("remote"));
        FleetRun.Report r = FleetRun.run(spark, new FleetRun.Job(uris, ModelShipment.of("default", "default", 1),
                RunOptions.defaults(), out, false, false));
        // the same document, with each log's path written as its URI (errors included: no executor path leaks)
        String expected = ResultJson.write(comparable(l.document()));
        for (String p : local) {
            expected = expected.replace(p, FleetTestFs.uri(p));
        }
        assertEquals(expected, ResultJson.write(comparable(r.document())));
        assertEquals(List.of(FleetTestFs.uri(corrupt)), r.failed().stream().map(LogOutcome.Failed::path).toList());
        assertEquals(out + "/metrics.json", r.document().at("/outputs/metrics").asText());
        // committed: the files are there, with each log's own metrics naming its URI; no temporary is left
        JsonNode written = ResultJson.MAPPER.readTree(tmp.resolve("remote/metrics.json").toFile());
        assertEquals(ResultJson.write(r.document()), ResultJson.write(written));
        String perLog = Files.readString(tmp.resolve("remote/logs/00001/metrics.json"));
        assertTrue(perLog.contains(FleetTestFs.uri(good.get(1))), perLog);
        assertFalse(perLog.contains("avreplay-log-"), perLog);
        assertEquals(arrowRows(tmp.resolve("local3/logs/00001/detections_3d.arrow")),
                arrowRows(tmp.resolve("remote/logs/00001/detections_3d.arrow")));
        String logId = r.result().logIds().get(1);
        assertTrue(Files.isRegularFile(tmp.resolve("remote/detections_3d/log_id=" + logId + "/part-00001.parquet")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".remote")).toList());
        }
        // no overwrite unless asked, as for a local output; with it, the earlier output is replaced
        assertThrows(InvalidConfigException.class, () -> FleetRun.run(spark, new FleetRun.Job(uris.subList(0, 1),
                ModelShipment.of("default", "none", 1), RunOptions.defaults(), out, false, false)));
        FleetRun.run(spark, new FleetRun.Job(uris.subList(0, 1), ModelShipment.of("default", "none", 1),
                RunOptions.defaults(), out, true, false));
        assertEquals(1, ResultJson.MAPPER.readTree(tmp.resolve("remote/metrics.json").toFile()).get("per_log").size());
    }

    /** @return the directory of log {@code logId}'s own outputs in the fleet run */
    static Path logDir(String logId) {
        return Path.of(report.document().get("per_log").get(logId).asText()).getParent();
    }

    /** @return the rows of a detections_3d or _2d Arrow table as {@code log_id|token|ts|category|x|yaw|score}, sorted */
    static List<String> arrowRows(Path file) throws IOException {
        List<String> rows = new java.util.ArrayList<>();
        boolean is3d = file.getFileName().toString().contains("3d");
        try (org.apache.arrow.memory.RootAllocator a = new org.apache.arrow.memory.RootAllocator();
             java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file);
             org.apache.arrow.vector.ipc.ArrowFileReader r = new org.apache.arrow.vector.ipc.ArrowFileReader(ch, a)) {
            var root = r.getVectorSchemaRoot();
            while (r.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    rows.add(is3d ? root.getVector("log_id").getObject(i) + "|" + root.getVector("sample_token").getObject(i)
                            + "|" + root.getVector("timestamp_ns").getObject(i) + "|" + root.getVector("category").getObject(i)
                            + "|" + root.getVector("x").getObject(i) + "|" + root.getVector("yaw").getObject(i) + "|"
                            + root.getVector("score").getObject(i) : root.getVector("image_id").getObject(i) + "|" + i);
                }
            }
        }
        java.util.Collections.sort(rows);
        return rows;
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
