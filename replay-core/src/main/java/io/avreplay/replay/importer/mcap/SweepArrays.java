package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.log.LidarSweep;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recycles the six point arrays of decoded sweeps, so that an import of n same-sized sweeps allocates (and
 * zeroes, and collects) a few sets instead of n. A sweep handed out through {@link #track} has a number of
 * users (the log writer, the box point counter); when each has called {@link #release}, its arrays go back
 * to the pool and {@link #take} hands them out again. Arrays of a sweep that is never released are left to
 * the garbage collector. Thread-safe (the writer releases on its own thread; every method is synchronized,
 * which orders a user's last read of the arrays before their next decoder's writes).
 */
final class SweepArrays {
    /** Free sets kept at most. */
    static final int KEEP_FREE = 4;

    /** The six arrays of one sweep, {@code n} points each. */
    record Set(float[] xs, float[] ys, float[] zs, float[] is, byte[] rs, int[] ts) {
        static Set fresh(int n) {
            return new Set(new float[n], new float[n], new float[n], new float[n], new byte[n], new int[n]);
        }

        int n() {
            return xs.length;
        }
    }

    private final Deque<Set> free = new ArrayDeque<>();
    private final Map<float[], Integer> users = new IdentityHashMap<>();

    /** A pool that recycles nothing: {@link #take} always allocates. */
    static SweepArrays none() {
        return new SweepArrays();
    }

    /**
     * @param n points
     * @return a set of {@code n}-point arrays, recycled when one is free (its contents are then the old
     *     sweep's: the caller overwrites or clears every element it hands on)
     */
    synchronized Set take(int n) {
        while (!free.isEmpty()) {
            Set s = free.pollFirst();
            if (s.n() == n) {
                return s;
            }
        }
        return Set.fresh(n);
    }

    /** {@code sweep}'s arrays come back once {@code count} calls of {@link #release} were made for it. */
    synchronized void track(LidarSweep sweep, int count) {
        users.put(sweep.x(), count);
    }

    /** One user of {@code sweep} is done with its arrays (an untracked sweep is ignored). */
    synchronized void release(LidarSweep sweep) {
        Integer left = users.get(sweep.x());
        if (left == null) {
            return;
        }
        if (left > 1) {
            users.put(sweep.x(), left - 1);
            return;
        }
        users.remove(sweep.x());
        if (free.size() < KEEP_FREE) {
            free.addLast(new Set(sweep.x(), sweep.y(), sweep.z(), sweep.intensity(), sweep.ring(), sweep.offsetNs()));
        }
    }
}
