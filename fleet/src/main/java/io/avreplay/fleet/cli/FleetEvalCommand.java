package io.avreplay.fleet.cli;

import io.avreplay.cli.ExitCodes;
import io.avreplay.fleet.job.FleetEval;
import io.avreplay.fleet.job.FleetPaths;
import io.avreplay.fleet.job.LogOutcome;
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

/** {@code avreplay fleet eval}: nuScenes metrics of precomputed detections over many logs. */
@Command(name = "eval", description = {"Score precomputed detections against many logs' own 3D ground truth, one Spark "
        + "task per log (as avreplay eval log does for one), merged into one nuScenes detection result.",
    "Exits 0 when every log was scored, 3 when a log failed (the others are scored and written)."})
final class FleetEvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Log directories, URIs of a Hadoop file system (file:, hdfs://, s3a://, ...), or globs, in order.")
    List<String> logs;

    @Option(names = "--pred-dir", required = true, paramLabel = "DIR",
            description = "Directory (or URI) of predictions, <log_id>.json each (nuScenes submission shape, world "
                    + "frame).")
    String predDir;

    @Option(names = "--out", defaultValue = "fleet-eval.json", paramLabel = "FILE",
            description = "Result file or URI, published when the job ends (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--overwrite", description = "Replace an earlier result file at --out.")
    boolean overwrite;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FleetEval.Report r;
        try (JavaSparkContext sc = spark.context("avreplay fleet eval")) {
            r = FleetEval.run(sc, new FleetEval.Job(FleetPaths.expand(logs, sc.hadoopConfiguration()), predDir, out,
                    overwrite));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("logs       %d scored, %d failed%n", r.result().provenance().inputs().size() / 2, r.failed().size());
        o.printf("lidar      mAP %.4f  NDS %.4f  (nuScenes detection, detection_cvpr_2019)%n", r.result().meanAp(),
                r.result().ndScore());
        for (LogOutcome.Failed f : r.failed()) {
            o.printf("FAILED     %s: %s%n", f.path(), f.error());
        }
        o.printf("result     %s%n", out);
        o.flush();
        return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
