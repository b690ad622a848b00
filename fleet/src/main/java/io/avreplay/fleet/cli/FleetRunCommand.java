package io.avreplay.fleet.cli;

import io.avreplay.cli.ExitCodes;
import io.avreplay.cli.ModelOptions;
import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.fleet.job.FleetRun;
import io.avreplay.fleet.job.LogOutcome;
import io.avreplay.fleet.job.ModelShipment;
import io.avreplay.perception.run.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
    @Parameters(paramLabel = "LOG", arity = "1..*",
            description = "Log directories, file: URIs, or globs (e.g. 'logs/*'), in order.")
    List<String> logs;

    @Mixin
    SparkOptions spark;

    @Mixin
    ModelOptions models;

    @Option(names = "--camera-rate", defaultValue = "synced", paramLabel = "RATE",
            description = "synced: the camera frame synced to each sweep; full: every camera frame.")
    RunOptions.CameraRate cameraRate;

    @Option(names = "--camera", defaultValue = "", paramLabel = "ID", description = "Camera to run (default: the first).")
    String cameraId;

    @Option(names = "--out", defaultValue = "fleet-run-out", paramLabel = "DIR",
            description = "Output directory, published when the job ends (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an earlier fleet run output at --out.")
    boolean overwrite;

    @Option(names = "--fail-fast", description = "Stop the job at the first bad log (default: list it and go on).")
    boolean failFast;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FleetRun.Job job = new FleetRun.Job(expand(logs), shipment(models), new RunOptions(cameraRate, 4, cameraId), out,
                overwrite, failFast);
        FleetRun.Report r;
        try (JavaSparkContext sc = spark.context("avreplay fleet run")) {
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

    /** Expands globs (a name with {@code *}, {@code ?} or {@code [}) into sorted matches; others as given. */
    static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("file:") || !a.matches(".*[*?\\[].*")) {
                out.add(a);
                continue;
            }
            Path glob = Path.of(a);
            Path dir = glob.getParent() == null ? Path.of(".") : glob.getParent();
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
            try (Stream<Path> s = Files.list(dir)) {
                List<String> hits = s.filter(p -> m.matches(p.getFileName())).sorted().map(Path::toString).toList();
                if (hits.isEmpty()) {
                    throw new BadInputException(a + ": the glob matches no log");
                }
                out.addAll(hits);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + " for " + a + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
