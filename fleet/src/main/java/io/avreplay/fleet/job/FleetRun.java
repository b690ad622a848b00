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
import io.avreplay.replay.files.OutputPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * output, {@code metrics.json} (the document {@code avreplay run} writes, plus {@code per_log} and
 * {@code failed_logs}) and {@code logs/<ordinal>/} (each log's detections and own {@code metrics.json}).
 * Task output goes straight into the job's temporary directory, so on a cluster {@code --out} must be on
 * a file system every executor mounts.
 */
public final class FleetRun {
    /** The output kind of a fleet run directory. */
    public static final OutputKind KIND = OutputKind.directory("fleet-run");

    private FleetRun() {
    }

    /**
     * What to run.
     *
     * @param logs        log directories (local paths or {@code file:} URIs), in order
     * @param models      the models, packed for the executors
     * @param options     camera rate and camera, as {@code avreplay run} takes them
     * @param out         output directory
     * @param overwrite   whether an earlier fleet run output there may be replaced
     * @param failFast    whether the first bad log stops the job (else it is listed and the job goes on)
     */
    public record Job(List<String> logs, ModelShipment models, RunOptions options, Path out, boolean overwrite,
            boolean failFast) {
        /** Validates the fields. */
        public Job {
            logs = List.copyOf(logs);
            if (logs.isEmpty()) {
                throw new IllegalArgumentException("logs must not be empty");
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
     * Runs the job on {@code spark}.
     *
     * @throws BadInputException when every log failed (nothing is written), or with {@code failFast}, the
     *                           first bad log's error
     */
    public static Report run(JavaSparkContext spark, Job job) {
        OutputPublisher publisher = OutputPublisher.to(job.out(), KIND, job.overwrite());
        Path temp = publisher.begin();
        try {
            Report r = runInto(spark, job, temp, publisher.destination());
            publisher.commit();
            return r;
        } catch (RuntimeException e) {
            publisher.abort();
            throw e;
        }
    }

    private static Report runInto(JavaSparkContext spark, Job job, Path temp, Path destination) {
        long t0 = System.nanoTime();
        List<String> logs = job.logs();
        String outRoot = temp.resolve("logs").toString();
        Broadcast<ModelShipment> models = spark.broadcast(job.models());
        String rate = job.options().cameraRate().name();
        String cameraId = job.options().cameraId();
        int batch = job.options().lidarBatch();
        boolean failFast = job.failFast();
        KeyedOutcomes outcomes;
        try {
            outcomes = spark.parallelize(IntStream.range(0, logs.size()).boxed().toList(), logs.size())
                    .map(i -> LogJob.run(i, logs.get(i), outRoot, models.value(),
                            new RunOptions(RunOptions.CameraRate.valueOf(rate), batch, cameraId), failFast))
                    .treeAggregate(new KeyedOutcomes(), KeyedOutcomes::add, KeyedOutcomes::merge, 2);
        } catch (RuntimeException e) {
            throw SparkFailures.rethrow(e);
        } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
            throw SparkFailures.rethrow(e);
        } finally {
            models.destroy();
        }
        return assemble(logs, outcomes, temp, destination, System.nanoTime() - t0);
    }

    private static Report assemble(List<String> logs, KeyedOutcomes outcomes, Path temp, Path destination, long wallNs) {
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
        RunResult merged = merge(scored, wallNs, destination);
        ObjectNode doc = RunJson.toTree(merged);
        ObjectNode perLog = doc.putObject("per_log");
        for (LogOutcome.Scored s : scored) {
            perLog.put(s.logId(), destination.resolve(temp.relativize(Path.of(s.output()))).toString());
        }
        ArrayNode f = doc.putArray("failed_logs");
        failed.forEach(x -> f.addObject().put("path", x.path()).put("error", x.error()));
        try {
            Files.writeString(temp.resolve(RunJson.FILE_NAME), ResultJson.write(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp.resolve(RunJson.FILE_NAME) + ": " + e.getMessage(), e);
        }
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
        List<String> inputs = scored.stream().map(s -> LogJob.localPath(s.path()).toString()).toList();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("logs", destination.resolve("logs"));
        outputs.put("metrics", destination.resolve(RunJson.FILE_NAME));
        return RunPipeline.score(all, inputs, wallNs / 1e9, outputs);
    }
}
