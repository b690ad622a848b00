package io.avreplay.fleet.job;

import io.avreplay.error.BadInputException;
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
    private final Path path;
    private final Path tempDir;

    private LocalCopy(Path path, Path tempDir) {
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
            return new LocalCopy(FleetPaths.localPath(location), null);
        }
        org.apache.hadoop.fs.Path src = FleetPaths.hadoopPath(location);
        Path dir;
        try {
            dir = Files.createTempDirectory("avreplay-log-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for " + location + ": " + e.getMessage(), e);
        }
        try {
            FileSystem fs = src.getFileSystem(conf.get());
            ContentSummary expected = fs.getContentSummary(src);
            Path local = dir.resolve(src.getName().isEmpty() ? "log" : src.getName());
            FileUtil.copy(fs, src, local.toFile(), false, fs.getConf());
            verify(location, expected, local);
            return new LocalCopy(local, dir);
        } catch (FileNotFoundException e) {
            delete(dir);
            throw new BadInputException(location + ": no such log (" + e.getMessage() + ")", e);
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
