package io.avreplay.fleet.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.ResultJson;
import io.avreplay.perception.run.RunData;
import io.avreplay.perception.run.RunJson;
import io.avreplay.perception.run.RunPipeline;
import io.avreplay.perception.run.RunOptions;
import io.avreplay.perception.run.RunResult;
import io.avreplay.replay.files.OutputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@code fleet run}: the Spark driver of {@code avreplay run} over many logs. One task per log runs
 * {@link LogJob}; the outcomes are combined by a tree aggregation keyed by log ordinal; the metric data of
 * the scored logs are merged in input order and scored exactly as {@code avreplay run} scores them, so
 * the metrics equal those of {@code avreplay run} over the scored logs. Writes, atomically as one job
 * output ({@link JobOutput}), {@code metrics.json} (the document {@code avreplay run} writes, plus
 * {@code per_log} and {@code failed_logs}), {@code logs/<ordinal>/} (each log's detections and own
 * {@code metrics.json}) and the detections as Parquet partitions {@code detections_3d/log_id=<id>/} and
 * {@code detections_2d/log_id=<id>/} ({@link DetectionPartitions}). Logs and {@code out} may be local paths
 * or URIs of any Hadoop file system the cluster has (HDFS, S3): a local output is written in place by the
 * tasks (so on a cluster it must be on a file system every executor mounts), another one is copied there
 * by each task and committed by a rename.
 */
public final class FleetRun {
    /** The output kind of a fleet run directory. */
    public static final OutputKind KIND = OutputKind.directory("fleet-run");

    private FleetRun() {
    }

    /**
     * What to run.
     *
     * @param logs        log directories (local paths, {@code file:} URIs or URIs of a Hadoop file system), in order
     * @param models      the models, packed for the executors
     * @param options     camera rate and camera, as {@code avreplay run} takes them
     * @param out         output directory (a local path or a URI of a Hadoop file system)
     * @param overwrite   whether an earlier fleet run output there may be replaced
     * @param failFast    whether the first bad log stops the job (else it is listed and the job goes on)
     */
    public record Job(List<String> logs, ModelShipment models, RunOptions options, String out, boolean overwrite,
            boolean failFast) {
        /** Validates the fields. */
        public Job {
            logs = List.copyOf(logs);
            if (logs.isEmpty()) {
                throw new IllegalArgumentException("logs must not be empty");
            }
            if (out == null || out.isBlank()) {
                throw new IllegalArgumentException("out must name a directory, got '" + out + "'");
            }
        }
    }

    /**
     * The outcome of a job.
     *
     * @param result   the merged result of the scored logs (its outputs name the job's files)
     * @param failed   the logs that failed, in input order
     * @param document the JSON document written to {@code metrics.json}
     */
    public record Report(RunResult result, List<LogOutcome.Failed> failed, ObjectNode document) {
        /** Copies the list. */
        public Report {
            failed = List.copyOf(failed);
        }
    }

    /**
     * Runs the job on {@code spark}; logs and the output directory go through Hadoop's file systems as
     * Spark's {@code hadoopConfiguration()} configures them.
     *
     * @throws BadInputException when every log failed (nothing is written), or with {@code failFast}, the
     *                           first bad log's error
     */
    public static Report run(JavaSparkContext spark, Job job) {
        HadoopConf conf = HadoopConf.of(spark.hadoopConfiguration());
        JobOutput output = JobOutput.begin(job.out(), KIND, job.overwrite(), conf);
        try {
            Report r = runInto(spark, job, output);
            output.commit();
            return r;
        } finally {
            output.abort();
        }
    }

    private static Report runInto(JavaSparkContext spark, Job job, JobOutput output) {
        long t0 = System.nanoTime();
        List<String> logs = job.logs();
        JobOutput.TaskOutput task = output.task();
        Broadcast<ModelShipment> models = spark.broadcast(job.models());
        String rate = job.options().cameraRate().name();
        String cameraId = job.options().cameraId();
        int batch = job.options().lidarBatch();
        boolean failFast = job.failFast();
        KeyedOutcomes outcomes;
        try {
            outcomes = spark.parallelize(IntStream.range(0, logs.size()).boxed().toList(), logs.size())
                    .map(i -> LogJob.run(i, logs.get(i), task, models.value(),
                            new RunOptions(RunOptions.CameraRate.valueOf(rate), batch, cameraId), failFast))
                    .treeAggregate(new KeyedOutcomes(), KeyedOutcomes::add, KeyedOutcomes::merge, 2);
        } catch (RuntimeException e) {
            throw SparkFailures.rethrow(e);
        } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
            throw SparkFailures.rethrow(e);
        } finally {
            models.destroy();
        }
        return assemble(logs, outcomes, output, System.nanoTime() - t0);
    }

    private static Report assemble(List<String> logs, KeyedOutcomes outcomes, JobOutput output, long wallNs) {
        List<LogOutcome.Scored> scored = new ArrayList<>();
        List<LogOutcome.Failed> failed = new ArrayList<>();
        for (LogOutcome o : outcomes.byOrdinal().values()) {
            if (o instanceof LogOutcome.Scored s) {
                scored.add(s);
            } else {
                failed.add((LogOutcome.Failed) o);
            }
        }
        if (outcomes.byOrdinal().size() != logs.size()) {
            throw new IllegalStateException("expected an outcome for each of " + logs.size() + " logs, got "
                    + outcomes.byOrdinal().size());
        }
        if (scored.isEmpty()) {
            throw new BadInputException("fleet run: all " + logs.size() + " logs failed; the first: "
                    + failed.get(0).path() + ": " + failed.get(0).error());
        }
        String destination = output.destination();
        RunResult merged = merge(scored, wallNs, Path.of(destination));
        ObjectNode doc = RunJson.toTree(merged);
        if (!FleetPaths.isLocal(destination)) { // a URI kept whole (a Path would fold its "//")
            doc.putObject("outputs").put("logs", FleetPaths.resolve(destination, "logs"))
                    .put("metrics", FleetPaths.resolve(destination, RunJson.FILE_NAME));
        }
        ObjectNode perLog = doc.putObject("per_log");
        for (LogOutcome.Scored s : scored) {
            perLog.put(s.logId(), FleetPaths.resolve(destination, s.output()));
        }
        ArrayNode f = doc.putArray("failed_logs");
        failed.forEach(x -> f.addObject().put("path", x.path()).put("error", x.error()));
        output.writeString(RunJson.FILE_NAME, ResultJson.write(doc));
        return new Report(merged, failed, doc);
    }

    /**
     * Merges the scored logs' data in input order and scores them as {@code avreplay run} does (the same
     * {@link RunPipeline#score}), with the logs as the local paths {@code avreplay run} would be given.
     */
    static RunResult merge(List<LogOutcome.Scored> scored, long wallNs, Path destination) {
        RunData all = null;
        for (LogOutcome.Scored s : scored) {
            all = all == null ? s.data() : all.merge(s.data());
        }
        List<String> inputs = scored.stream()
                .map(s -> FleetPaths.isLocal(s.path()) ? FleetPaths.localPath(s.path()).toString() : s.path()).toList();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("logs", destination.resolve("logs"));
        outputs.put("metrics", destination.resolve(RunJson.FILE_NAME));
        return RunPipeline.score(all, inputs, wallNs / 1e9, outputs);
    }
}
