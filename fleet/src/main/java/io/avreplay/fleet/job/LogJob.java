package io.avreplay.fleet.job;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.run.RunData;
import io.avreplay.perception.run.RunJson;
import io.avreplay.perception.run.RunOptions;
import io.avreplay.perception.run.RunPipeline;
import io.avreplay.replay.inspect.TerminalText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one adapter between a fleet task and the library's per-log code: makes the log local
 * ({@link LocalCopy}: a log on HDFS, S3, ... is copied to the executor and deleted after), replays it through
 * the executor's models with {@link RunPipeline#runLog}, which writes the log's outputs (detections, tracks
 * and its own {@code metrics.json}, as {@code avreplay run} on that log writes them) under
 * {@code logs/<ordinal>/}, writes its detections as Parquet partitions ({@link DetectionPartitions}), hands
 * the files to the job output ({@link JobOutput.TaskOutput}), and returns its mergeable {@link RunData}
 * (detection, COCO and tracking metric data, provenance), or, when the log is bad input, its one-line error.
 * Each call owns a fresh Arrow allocator, closed before it returns (a leak fails the task). Runs on an
 * executor thread; thread-safe (no state).
 */
public final class LogJob {
    private LogJob() {
    }

    /**
     * Runs one log.
     *
     * @param ordinal  the log's position in the job's input list
     * @param path     the log directory (a local path or a URI of a Hadoop file system)
     * @param output   the job output the log's files go to
     * @param failFast when true, bad input is rethrown (failing the task and the job) instead of reported
     * @return the log's outcome
     */
    static LogOutcome run(int ordinal, String path, JobOutput.TaskOutput output, ModelShipment models,
            RunOptions options, boolean failFast) {
        String logs = "logs/" + String.format("%05d", ordinal);
        ExecutorModels.Loaded loaded = ExecutorModels.borrow(models);
        Path dir = null;
        LocalCopy log = null;
        try (RootAllocator allocator = new RootAllocator()) {
            dir = output.open();
            log = LocalCopy.of(path, output.conf());
            Path out = dir.resolve(logs);
            deleteRecursively(out); // a retried task starts afresh
            RunPipeline p = new RunPipeline(loaded.lidar(), loaded.camera(), options, allocator, line -> {
            });
            RunData data = p.runLog(log.path(), ordinal, out);
            log.renameIn(out.resolve(RunJson.FILE_NAME));
            List<String> files = new ArrayList<>(List.of(logs));
            String logId = data.provenance().logs().get(0).logId();
            files.addAll(DetectionPartitions.write(dir, out, logId, ordinal, allocator));
            output.publish(dir, files);
            return new LogOutcome.Scored(ordinal, path, data, logs + "/" + RunJson.FILE_NAME);
        } catch (BadInputException | UncheckedIOException e) {
            String message = log == null ? oneLine(e) : log.named(oneLine(e));
            if (failFast) {
                throw log == null || !log.copied() ? e : new BadInputException(message, e);
            }
            return new LogOutcome.Failed(ordinal, path, message);
        } finally {
            if (log != null) {
                log.close();
            }
            ExecutorModels.release(models, loaded);
            if (dir != null) {
                output.close(dir);
            }
        }
    }

    /** The message {@code avreplay run} prints after its {@code "avreplay run: "} prefix for the same error. */
    static String oneLine(RuntimeException e) {
        String msg = e.getMessage();
        if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException nsf && msg == null) {
            msg = "no such file: " + nsf.getFile();
        } else if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return TerminalText.escape(msg.replace('\n', ' '));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + " for a retried task: " + e.getMessage(), e);
        }
    }
}
