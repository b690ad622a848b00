package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.cli.AvreplayCli;
import io.avreplay.eval.detection.ResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleet eval} on {@code local[2]} against {@code avreplay eval log}. */
class FleetEvalTest {
    @TempDir
    Path tmp;

    @Test
    void oneLogEqualsEvalLogAndABadLogIsListed() throws IOException {
        Path log = tmp.resolve("log");
        cli("synth", "--preset", "urban-intersection", "--seed", "21", "--duration", "1s", "--out", log.toString());
        cli("run", log.toString(), "--camera-model", "none", "--out", tmp.resolve("run").toString());
        String logId = ResultJson.MAPPER.readTree(log.resolve("log.json").toFile()).get("log_id").asText();
        Path preds = Files.createDirectories(tmp.resolve("preds"));
        Files.copy(tmp.resolve("run/nuscenes_submission.json"), preds.resolve(logId + ".json"));
        String cliJson = cli("eval", "log", log.toString(), "--pred", preds.resolve(logId + ".json").toString(),
                "--format", "json");
        String missing = tmp.resolve("missing").toString();
        FleetEval.Report one;
        FleetEval.Report two;
        FleetEval.Report remote;
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]")
                .setAppName("FleetEvalTest").set("spark.ui.enabled", "false")
                .set("spark.hadoop.fs." + FleetTestFs.SCHEME + ".impl", FleetTestFs.class.getName()))) {
            one = FleetEval.run(spark, new FleetEval.Job(List.of(log.toString()), preds.toString(),
                    tmp.resolve("one.json").toString(), false));
            two = FleetEval.run(spark, new FleetEval.Job(List.of(missing, log.toString()), preds.toString(),
                    tmp.resolve("two.json").toString(), false));
            // log, predictions and result on another file system: the same numbers, written there
            remote = FleetEval.run(spark, new FleetEval.Job(List.of(FleetTestFs.uri(log)), FleetTestFs.uri(preds),
                    FleetTestFs.uri(tmp.resolve("remote.json")), false));
        }
        assertEquals(ResultJson.write(comparable(ResultJson.MAPPER.readTree(tmp.resolve("one.json").toFile())))
                        .replace(preds.toString(), FleetTestFs.uri(preds)).replace(log.toString(), FleetTestFs.uri(log)),
                ResultJson.write(comparable(ResultJson.MAPPER.readTree(tmp.resolve("remote.json").toFile()))));
        assertTrue(remote.failed().isEmpty());
        assertEquals(ResultJson.write(comparable(ResultJson.MAPPER.readTree(cliJson))),
                ResultJson.write(comparable(ResultJson.MAPPER.readTree(tmp.resolve("one.json").toFile()))));
        assertTrue(one.failed().isEmpty());
        // the bad log does not change the others' numbers
        assertEquals(one.result().meanAp(), two.result().meanAp());
        assertEquals(one.result().ndScore(), two.result().ndScore());
        assertEquals(1, two.failed().size());
        assertEquals(missing, two.document().get("failed_logs").get(0).get("path").asText());
    }

    static ObjectNode comparable(JsonNode doc) {
        ObjectNode c = doc.deepCopy();
        c.remove("eval_time");
        c.remove("failed_logs");
        return c;
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AvreplayCli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
