package io.avreplay.fleet.job;

import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

/**
 * A log as a local path for the library's reader, which reads local files: a local location as is, a log
 * on another file system ({@code hdfs://}, {@code s3a://}, ...) copied through {@link FileSystem} into a
 * fresh temporary directory of the executor, checked (the same number of files and bytes as the source)
 * and deleted by {@link #close()}. Owned by one task; not thread-safe.
 */
final class LocalCopy implements AutoCloseable {
    private final String location;
    private final Path path;
    private final Path tempDir;

    private LocalCopy(String location, Path path, Path tempDir) {
        this.location = location;
        this.path = path;
        this.tempDir = tempDir;
    }

    /** @return the local log directory (or file) to read; valid until {@link #close()} */
    Path path() {
        return path;
    }

    /**
     * Makes {@code location} local.
     *
     * @throws BadInputException    when a non-local log does not exist (as a missing local log fails)
     * @throws LogCopyException     when copying fails or the copy differs from its source (Spark retries
     *                              the task)
     */
    static LocalCopy of(String location, HadoopConf conf) {
        if (FleetPaths.isLocal(location)) {
            return new LocalCopy(location, FleetPaths.localPath(location), null);
        }
        org.apache.hadoop.fs.Path src = FleetPaths.hadoopPath(location);
        Path dir = tempDir(location);
        Path local = dir.resolve(src.getName().isEmpty() ? "log" : src.getName());
        copy(location, src, local, dir, conf);
        return new LocalCopy(location, local, dir);
    }

    /**
     * Makes the log {@code relative} (with {@code /}) under the log root {@code root} local: a local root as
     * is, else a temporary root holding a copy of that one log at the same relative path.
     *
     * @return the copy, whose {@link #path()} is the (local) root
     * @throws BadInputException when the log does not exist
     * @throws LogCopyException  when copying fails
     */
    static LocalCopy underRoot(String root, String relative, HadoopConf conf) {
        if (FleetPaths.isLocal(root)) {
            return new LocalCopy(root, FleetPaths.localPath(root), null);
        }
        String location = FleetPaths.resolve(root, relative);
        Path dir = tempDir(location);
        copy(location, FleetPaths.hadoopPath(location), dir.resolve(relative), dir, conf);
        return new LocalCopy(root, dir, dir);
    }

    private static Path tempDir(String location) {
        try {
            return Files.createTempDirectory("avreplay-log-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for " + location + ": " + e.getMessage(), e);
        }
    }

    private static void copy(String location, org.apache.hadoop.fs.Path src, Path local, Path dir, HadoopConf conf) {
        try {
            FileSystem fs = FleetPaths.fileSystem(src, conf.get());
            ContentSummary expected = fs.getContentSummary(src);
            Files.createDirectories(local.getParent());
            FileUtil.copy(fs, src, local.toFile(), false, fs.getConf());
            verify(location, expected, local);
        } catch (FileNotFoundException e) {
            delete(dir);
            throw new BadInputException(location + ": no such log (" + e.getMessage() + ")", e);
        } catch (InvalidConfigException e) {
            delete(dir);
            throw e;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof LogCopyException l ? l
                    : new LogCopyException("cannot copy " + location + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void verify(String location, ContentSummary expected, Path local) throws IOException {
        long files = 0;
        long bytes = 0;
        try (Stream<Path> s = Files.walk(local)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files++;
                bytes += Files.size(p);
            }
        }
        if (files != expected.getFileCount() || bytes != expected.getLength()) {
            throw new LogCopyException("copy of " + location + " is incomplete: expected " + expected.getFileCount()
                    + " files of " + expected.getLength() + " bytes, got " + files + " files of " + bytes + " bytes", null);
        }
    }

    /** @return whether the log was copied (it is not local) */
    boolean copied() {
        return tempDir != null;
    }

    /** @return {@code message} with the copy's local path replaced by the log's location, so errors name the log */
    String named(String message) {
        return copied() ? message.replace(path.toString(), location) : message;
    }

    /**
     * Names the log's location instead of the copy's path in a JSON file the log's run wrote (its own
     * {@code metrics.json} lists its input); a no-op for a local log.
     *
     * @throws UncheckedIOException when the file cannot be rewritten
     */
    void renameIn(Path jsonFile) {
        if (!copied()) {
            return;
        }
        try {
            String from = jsonString(path.toString());
            String text = Files.readString(jsonFile);
            if (text.contains(from)) {
                Files.writeString(jsonFile, text.replace(from, jsonString(location)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + jsonFile + ": " + e.getMessage(), e);
        }
    }

    private static String jsonString(String s) {
        String quoted = io.avreplay.eval.detection.ResultJson.MAPPER.valueToTree(s).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    /** Deletes the local copy, if one was made; never throws. */
    @Override
    public void close() {
        if (tempDir != null) {
            delete(tempDir);
        }
    }

    static void delete(Path dir) {
        FileUtil.fullyDelete(dir.toFile());
    }

    /** Copying a log to the executor failed: not the log's fault, so the task fails and Spark retries it. */
    static final class LogCopyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LogCopyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
