package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.arrow.LidarColumns;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Recycles the Arrow columns that decoded sweeps are written from, so that an import of n sweeps allocates
 * a few sets instead of n. Columns handed out through {@link #take} and {@link #track}ed have a number of
 * users (the log writer, the box point counter); when each has called {@link #release}, they go back to the
 * pool and {@link #take} hands them out again (refilled from the start: their old contents are still there).
 *
 * <p>Ownership: every set comes from the allocator given to the constructor, and {@link #close()} frees
 * them all, released or not: call it only when no user reads them any more (after the log writer's queue
 * drained). Thread-safe (the writer releases on its own thread; every method is synchronized, which orders
 * a user's last read of the columns before the next decoder's writes).
 */
final class SweepColumns implements AutoCloseable {
    /** Free sets kept at most; one released beyond that is freed. */
    static final int KEEP_FREE = 4;

    private final BufferAllocator allocator;
    private final Deque<LidarColumns> free = new ArrayDeque<>();
    private final Map<LidarColumns, Integer> users = new IdentityHashMap<>();
    private final List<LidarColumns> taken = new ArrayList<>();

    /** @param allocator where the columns' memory comes from; kept open by the caller until {@link #close()} */
    SweepColumns(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * @param n points
     * @return columns that hold at least {@code n} points: a free set when one is large enough, else a new one
     */
    synchronized LidarColumns take(int n) {
        for (var it = free.iterator(); it.hasNext(); ) {
            LidarColumns c = it.next();
            if (c.capacity() >= n) {
                it.remove();
                return c;
            }
        }
        LidarColumns c = LidarColumns.allocate(allocator, n);
        taken.add(c);
        return c;
    }

    /** {@code c} comes back once {@code count} calls of {@link #release} were made for it. */
    synchronized void track(LidarColumns c, int count) {
        users.put(c, count);
    }

    /** One user of {@code c} is done with it (untracked columns are ignored). */
    synchronized void release(LidarColumns c) {
        Integer left = users.get(c);
        if (left == null) {
            return;
        }
        if (left > 1) {
            users.put(c, left - 1);
            return;
        }
        users.remove(c);
        if (free.size() < KEEP_FREE) {
            free.addLast(c);
        } else {
            taken.remove(c);
            c.close();
        }
    }

    /** Frees every set this pool handed out. */
    @Override
    public synchronized void close() {
        taken.forEach(LidarColumns::close);
        taken.clear();
        free.clear();
        users.clear();
    }
}
