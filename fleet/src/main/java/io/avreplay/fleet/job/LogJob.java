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
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one adapter between a fleet task and the library's per-log code: replays one log through the
 * executor's models with {@link RunPipeline#runLog}, which writes the log's outputs (detections, tracks and
 * its own {@code metrics.json}, as {@code avreplay run} on that log writes them), and returns its mergeable
 * {@link RunData} (detection, COCO and tracking metric data, provenance), or, when the log is bad input,
 * its one-line error. Each call owns a fresh Arrow allocator, closed
 * before it returns (a leak fails the task). Runs on an executor thread; thread-safe (no state).
 */
public final class LogJob {
    private LogJob() {
    }

    /**
     * Runs one log.
     *
     * @param ordinal  the log's position in the job's input list
     * @param path     the log directory (a local path or {@code file:} URI)
     * @param outRoot  directory under which the log's outputs go, in {@code <ordinal, 5 digits>/}
     * @param failFast when true, bad input is rethrown (failing the task and the job) instead of reported
     * @return the log's outcome
     */
    public static LogOutcome run(int ordinal, String path, String outRoot, ModelShipment models, RunOptions options,
            boolean failFast) {
        Path out = Path.of(outRoot, String.format("%05d", ordinal));
        ExecutorModels.Loaded loaded = ExecutorModels.borrow(models);
        try (RootAllocator allocator = new RootAllocator()) {
            deleteRecursively(out); // a retried task starts afresh
            RunPipeline p = new RunPipeline(loaded.lidar(), loaded.camera(), options, allocator, line -> {
            });
            RunData data = p.runLog(localPath(path), ordinal, out);
            return new LogOutcome.Scored(ordinal, path, data, out.resolve(RunJson.FILE_NAME).toString());
        } catch (BadInputException | UncheckedIOException e) {
            if (failFast) {
                throw e;
            }
            return new LogOutcome.Failed(ordinal, path, oneLine(e));
        } finally {
            ExecutorModels.release(models, loaded);
        }
    }

    /** @return a local path for {@code path}: a plain path, or the path of a {@code file:} URI */
    static Path localPath(String path) {
        if (path.startsWith("file:")) {
            return Path.of(java.net.URI.create(path));
        }
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new BadInputException(path + ": only local paths and file: URIs are supported by fleet jobs, got "
                    + "scheme '" + path.substring(0, path.indexOf(':')) + "'");
        }
        return Path.of(path);
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
