package io.avreplay.scenario.catalog;

import io.avreplay.replay.arrow.LogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The logs of a list of scenarios, each opened once for one pass over the scenarios in order: every
 * scenario's log directory is resolved when this is made (so a missing log fails before any work), a log
 * is opened at its first scenario's {@link #reader} and closed at its last scenario's {@link #done}. A log
 * that many scenarios share is read through one reader for detection, ground truth and rendering alike,
 * and only the logs of interleaved scenarios are open at once. Owns its readers; not thread-safe.
 */
public final class ScenarioLogs implements AutoCloseable {
    private final List<Path> dirs = new ArrayList<>();
    private final Map<Path, Integer> lastUse = new HashMap<>();
    private final Map<Path, LogReader> open = new HashMap<>();
    private final BufferAllocator allocator;

    /**
     * @param allocator parent allocator of the readers (borrowed; one child per open log)
     * @throws io.avreplay.error.BadInputException from {@link LogProvider#logDirectory} for a missing log
     */
    public ScenarioLogs(List<Scenario> scenarios, LogProvider logs, BufferAllocator allocator) {
        this.allocator = allocator;
        for (Scenario s : scenarios) {
            Path dir = logs.logDirectory(s);
            lastUse.put(key(dir), dirs.size());
            dirs.add(dir);
        }
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    /** @return the log directory of scenario {@code i} (index in the list given) */
    public Path directory(int i) {
        return dirs.get(i);
    }

    /**
     * @return the open reader of scenario {@code i}'s log, opened (checksums verified) at its first use;
     *         valid until {@link #done} of the log's last scenario or {@link #close}
     * @throws io.avreplay.error.BadInputException or {@link io.avreplay.error.CorruptLogException} when the
     *         log cannot be opened
     */
    public LogReader reader(int i) {
        Path k = key(dirs.get(i));
        LogReader r = open.get(k);
        if (r == null) {
            r = LogReader.open(dirs.get(i), allocator);
            open.put(k, r);
        }
        return r;
    }

    /** Scenario {@code i} is finished: closes its log when no later scenario uses it. */
    public void done(int i) {
        Path k = key(dirs.get(i));
        if (lastUse.get(k) == i) {
            LogReader r = open.remove(k);
            if (r != null) {
                r.close();
            }
        }
    }

    /** Closes every log still open (after a failure part way); the first failure is thrown, others suppressed. */
    @Override
    public void close() {
        try {
            LogReader.closeAll(open.values());
        } finally {
            open.clear();
        }
    }
}
