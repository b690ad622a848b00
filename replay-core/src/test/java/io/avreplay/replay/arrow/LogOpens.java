package io.avreplay.replay.arrow;

import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Counts the logs opened through an allocator: {@link LogReader#open} takes a child named
 * {@code log-reader:<logId>} of the allocator it is given, {@link LogReader#view} one named
 * {@code log-view:<logId>}, and Arrow tells the root's listener of every descendant. {@link ArrowTest}'s
 * allocator has one, so a test can prove that a command opens each log once. Thread-safe.
 */
public final class LogOpens implements AllocationListener {
    private final Map<String, Integer> opened = new TreeMap<>();
    private final Map<String, Integer> views = new TreeMap<>();

    @Override
    public synchronized void onChildAdded(BufferAllocator parent, BufferAllocator child) {
        String name = child.getName();
        if (name.startsWith("log-reader:")) {
            opened.merge(name.substring("log-reader:".length()), 1, Integer::sum);
        } else if (name.startsWith("log-view:")) {
            views.merge(name.substring("log-view:".length()), 1, Integer::sum);
        }
    }

    /** @return log id to the number of {@link LogReader#open} calls that read its manifest and index so far */
    public synchronized Map<String, Integer> opened() {
        return Map.copyOf(opened);
    }

    /** @return log id to the number of {@link LogReader#view views} taken of it so far */
    public synchronized Map<String, Integer> views() {
        return Map.copyOf(views);
    }

    /** Forgets the counts so far (e.g. the opens that wrote a fixture). */
    public synchronized void reset() {
        opened.clear();
        views.clear();
    }
}
