package io.avreplay.fleet.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.ResultJson;
import io.avreplay.eval.log.LogGroundTruth;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesJson;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.log.ToolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code fleet eval}: scores precomputed detections of many logs, one Spark task per log. A log's
 * predictions are {@code <pred-dir>/<log_id>.json} (nuScenes-submission shaped, world frame, tokens
 * {@code <log_id>-<timestamp_ns>}, as {@code avreplay eval log} reads them). Each task accumulates the
 * log's nuScenes metric data; the driver merges them in input order and scores them with the
 * detection_cvpr_2019 rules. For one log the result is {@code avreplay eval log}'s. A bad log or a
 * missing prediction file fails its own task and is listed in {@code failed_logs}.
 */
public final class FleetEval {
    /** The output kind of a fleet eval result file. */
    public static final OutputKind KIND = OutputKind.file("fleet-eval");

    private FleetEval() {
    }

    /**
     * What to score.
     *
     * @param logs      log directories (local paths or URIs of a Hadoop file system, copied to the executor), in order
     * @param predDir   directory of {@code <log_id>.json} predictions (a local path, readable by every
     *                  executor, or a URI of a Hadoop file system)
     * @param out       the result file (JSON; a local path or a URI)
     * @param overwrite whether an existing result file may be replaced
     */
    public record Job(List<String> logs, String predDir, String out, boolean overwrite) {
        /** Copies and checks the list. */
        public Job {
            logs = List.copyOf(logs);
            if (logs.isEmpty()) {
                throw new IllegalArgumentException("logs must not be empty");
            }
        }
    }

    /**
     * The outcome.
     *
     * @param result   the merged metrics of the scored logs
     * @param failed   the logs that failed, in input order
     * @param document the document written (nuScenes metrics JSON plus {@code failed_logs})
     */
    public record Report(NuScenesResult result, List<LogOutcome.Failed> failed, ObjectNode document) {
        /** Copies the list. */
        public Report {
            failed = List.copyOf(failed);
        }
    }

    /**
     * Scores the logs on {@code spark} and publishes the result file atomically.
     *
     * @throws BadInputException when every log failed (nothing is written)
     */
    public static Report run(JavaSparkContext spark, Job job) {
        HadoopConf conf = HadoopConf.of(spark.hadoopConfiguration());
        JobOutput.checkFile(job.out(), KIND, job.overwrite(), conf);
        List<String> logs = job.logs();
        String predDir = job.predDir();
        KeyedOutcomes outcomes;
        try {
            outcomes = spark.parallelize(IntStream.range(0, logs.size()).boxed().toList(), logs.size())
                    .map(i -> scoreOne(i, logs.get(i), predDir, conf))
                    .treeAggregate(new KeyedOutcomes(), KeyedOutcomes::add, KeyedOutcomes::merge, 2);
        } catch (RuntimeException e) {
            throw SparkFailures.rethrow(e);
        } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
            throw SparkFailures.rethrow(e);
        }
        NuScenesMetricData merged = null;
        List<String> sources = new ArrayList<>();
        List<LogOutcome.Failed> failed = new ArrayList<>();
        for (LogOutcome o : outcomes.byOrdinal().values()) {
            if (o instanceof LogOutcome.Evaluated s) {
                merged = merged == null ? s.data() : NuScenesMetricData.merge(merged, s.data());
                sources.add(s.path());
                sources.add(s.predictions());
            } else {
                failed.add((LogOutcome.Failed) o);
            }
        }
        if (merged == null) {
            throw new BadInputException("fleet eval: all " + logs.size() + " logs failed; the first: "
                    + failed.get(0).path() + ": " + failed.get(0).error());
        }
        NuScenesConfig cfg = NuScenesConfig.cvpr2019();
        NuScenesResult r = new NuScenesEvaluator(cfg).score(merged, new EvalProvenance("nuscenes", cfg.name(), sources,
                ToolVersion.current()));
        ObjectNode doc;
        try {
            doc = (ObjectNode) ResultJson.MAPPER.readTree(NuScenesJson.write(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode f = doc.putArray("failed_logs");
        failed.forEach(x -> f.addObject().put("path", x.path()).put("error", x.error()));
        JobOutput.writeFile(job.out(), KIND, job.overwrite(), conf, ResultJson.write(doc));
        return new Report(r, failed, doc);
    }

    /** Scores one log's predictions (on an executor); bad input becomes a {@link LogOutcome.Failed}. */
    static LogOutcome scoreOne(int ordinal, String path, String predDir, HadoopConf conf) {
        try (LocalCopy log = LocalCopy.of(path, conf); RootAllocator allocator = new RootAllocator();
             LogReader reader = LogReader.open(log.path(), allocator)) {
            String logId = reader.manifest().logId();
            String pred = FleetPaths.resolve(predDir, logId + ".json");
            if (!FleetPaths.isFile(pred, conf.get())) {
                throw new BadInputException(pred + ": no predictions for log " + logId + " (expected <log_id>.json)");
            }
            NuScenesMetricData d;
            try (LocalCopy predCopy = LocalCopy.of(pred, conf)) {
                try {
                    d = new NuScenesEvaluator(NuScenesConfig.cvpr2019()).accumulate(
                            LogGroundTruth.read(reader).groundTruth(), NuScenesEvaluator.readPredictions(predCopy.path()));
                } catch (BadInputException | UncheckedIOException e) {
                    throw predCopy.copied() ? new BadInputException(predCopy.named(LogJob.oneLine(e)), e) : e;
                }
            }
            return new LogOutcome.Evaluated(ordinal, path, logId, d, pred);
        } catch (IOException e) {
            return new LogOutcome.Failed(ordinal, path, LogJob.oneLine(new UncheckedIOException(e)));
        } catch (BadInputException | UncheckedIOException e) {
            return new LogOutcome.Failed(ordinal, path, LogJob.oneLine(e));
        }
    }
}
