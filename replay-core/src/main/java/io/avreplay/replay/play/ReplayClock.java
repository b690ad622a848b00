package io.avreplay.replay.play;

/**
 * The time source a paced replay waits against. Production uses {@link #system()}; tests inject a
 * clock whose {@code sleepNanos} only advances its own time, so no test sleeps. Implementations are
 * used from the replay's consuming thread only.
 */
public interface ReplayClock {
    /** @return a monotonic time, ns (arbitrary origin) */
    long nanoTime();

    /**
     * Waits about {@code ns} nanoseconds ({@code ns > 0}).
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleepNanos(long ns) throws InterruptedException;

    /** @return the wall clock: {@link System#nanoTime()} and {@link Thread#sleep} */
    static ReplayClock system() {
        return SystemClock.INSTANCE;
    }
}
