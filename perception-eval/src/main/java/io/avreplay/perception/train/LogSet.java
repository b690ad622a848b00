package io.avreplay.perception.train;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.LogManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Open readers over a list of log directories; a directory without {@code log.json} is searched one level
 * down for log directories. Owns its readers (closed by {@link #close()}); the allocator stays the caller's.
 */
final class LogSet implements AutoCloseable {
    private final List<LogReader> readers = new ArrayList<>();

    LogSet(List<Path> dirs, BufferAllocator allocator) {
        try {
            for (Path d : expand(dirs)) {
                readers.add(LogReader.open(d, allocator));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static List<Path> expand(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isRegularFile(d.resolve(LogManifest.FILE_NAME))) {
                out.add(d);
                continue;
            }
            if (!Files.isDirectory(d)) {
                throw new BadInputException(d + ": not a log directory (no " + LogManifest.FILE_NAME + ") nor a folder of logs");
            }
            try (Stream<Path> s = Files.list(d)) {
                List<Path> logs = s.filter(p -> Files.isRegularFile(p.resolve(LogManifest.FILE_NAME))).sorted().toList();
                if (logs.isEmpty()) {
                    throw new BadInputException(d + ": holds no log directories (none with " + LogManifest.FILE_NAME + ")");
                }
                out.addAll(logs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    List<LogReader> readers() {
        return readers;
    }

    List<String> logIds() {
        return readers.stream().map(r -> r.manifest().logId()).toList();
    }

    @Override
    public void close() {
        LogReader.closeAll(readers);
    }
}
