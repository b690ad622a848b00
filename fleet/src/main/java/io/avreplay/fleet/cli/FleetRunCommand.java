package io.avreplay.fleet.cli;

import io.avreplay.cli.ExitCodes;
import io.avreplay.cli.ModelOptions;
import io.avreplay.cli.RunLoopOptions;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.fleet.job.FleetGate;
import io.avreplay.fleet.job.FleetPaths;
import io.avreplay.fleet.job.FleetRun;
import io.avreplay.fleet.job.LogOutcome;
import io.avreplay.fleet.job.ModelShipment;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay fleet run}: {@code avreplay run} over many logs, one Spark task per log. */
@Command(name = "run", description = {"Replay logs through the models on Spark executors (one task per log), merge the "
        + "per-log metric data on the driver and write the metrics avreplay run writes for the same logs "
        + "(metrics.json, plus per_log and failed_logs) and each log's outputs under logs/<ordinal>/.",
    "Exits 0 when every log was scored, 3 when a log failed (the others are scored and written)."})
final class FleetRunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOG", arity = "0..*",
            description = "Log directories, URIs of a Hadoop file system (file:, hdfs://, s3a://, ...), or globs "
                    + "(e.g. 'logs/*', 'hdfs://nn/logs/2026-12-*'), in order; or none with --catalog.")
    List<String> logs = List.of();

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Instead of LOGs: the logs of this scenario catalogue's scenarios, each once, in catalogue "
                    + "order (needs --logs).")
    String catalog;

    @Option(names = "--logs", paramLabel = "ROOT",
            description = "With --catalog: the log root its scenarios' logs are under (recipe logs are generated there "
                    + "when missing, as avreplay gate does).")
    String logsRoot;

    @Mixin
    SparkOptions spark;

    @Mixin
    ModelOptions models;

    @Mixin
    RunLoopOptions loop;

    @Option(names = "--out", defaultValue = "fleet-run-out", paramLabel = "DIR",
            description = "Output directory or URI (hdfs://, s3a://, ...), published when the job ends (default "
                    + "${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--overwrite", description = "Replace an earlier fleet run output at --out.")
    boolean overwrite;

    @Option(names = "--fail-fast", description = "Stop the job at the first bad log (default: list it and go on).")
    boolean failFast;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelShipment shipment = shipment(models);
        checkInputs();
        FleetRun.Report r;
        try (JavaSparkContext sc = spark.context("avreplay fleet run")) {
            List<String> inputs = catalog != null
                    ? FleetGate.catalogueLogs(catalog, logsRoot, sc.hadoopConfiguration())
                    : FleetPaths.expand(logs, sc.hadoopConfiguration());
            FleetRun.Job job = new FleetRun.Job(inputs, shipment,
                    loop.runOptions(), out, overwrite, failFast);
            r = FleetRun.run(sc, job);
        }
        PrintWriter o = spec.commandLine().getOut();
        NuScenesResult n = r.result().lidar();
        o.printf("logs       %d scored, %d failed%n", r.result().logIds().size(), r.failed().size());
        o.printf("lidar      %s: mAP %.4f  NDS %.4f  (nuScenes detection, detection_cvpr_2019)%n",
                r.result().models().get("lidar"), n.meanAp(), n.ndScore());
        r.result().camera().ifPresent(c -> o.printf("camera     %s: AP %.4f  (COCO bbox)%n",
                r.result().models().get("camera"), c.stats().get(io.avreplay.eval.coco.CocoStat.AP)));
        for (LogOutcome.Failed f : r.failed()) {
            o.printf("FAILED     %s: %s%n", f.path(), f.error());
        }
        o.printf("metrics    %s%n", r.result().outputs().get("metrics"));
        o.flush();
        return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** @throws InvalidConfigException unless exactly one of LOGs and {@code --catalog} is given (with its {@code --logs}) */
    private void checkInputs() {
        if (catalog == null && logs.isEmpty()) {
            throw new InvalidConfigException("give the logs to run: LOG... or --catalog DIR --logs ROOT");
        }
        if (catalog != null && !logs.isEmpty()) {
            throw new InvalidConfigException("--catalog: give either LOG... or --catalog, not both (got " + logs.size()
                    + " LOG arguments)");
        }
        if ((catalog == null) != (logsRoot == null)) {
            throw new InvalidConfigException(catalog == null ? "--logs: only with --catalog"
                    : "--catalog: needs --logs ROOT, the log root of its scenarios");
        }
    }

    /**
     * Checks the model values on the driver (as {@code avreplay run} does before any log) and packs them
     * for the executors; {@code --onnx-threads 0} means one thread per model there, one task running per
     * executor core.
     *
     * @throws InvalidConfigException when the lidar model is {@code none} or a value names no model
     */
    static ModelShipment shipment(ModelOptions models) {
        if (models.lidarModel().equals("none")) {
            throw new InvalidConfigException("--lidar-model: run needs a lidar model, got 'none'");
        }
        if (!ModelOptions.namesModel(models.lidarModel())) {
            throw new InvalidConfigException("--lidar-model: " + models.lidarModel() + " is neither 'default', a "
                    + "shipped model nor a model directory (card.json)");
        }
        if (!models.cameraModel().equals("none") && !ModelOptions.namesModel(models.cameraModel())) {
            throw new InvalidConfigException("--camera-model: " + models.cameraModel() + " is neither 'default', "
                    + "'none', a shipped model nor a model directory (card.json)");
        }
        return ModelShipment.of(models.lidarModel(), models.cameraModel(), Math.max(1, models.onnxThreads()));
    }
}
