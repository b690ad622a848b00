package io.avreplay.replay.play;

/** {@link ReplayClock} on {@link System#nanoTime()}. */
enum SystemClock implements ReplayClock {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleepNanos(long ns) throws InterruptedException {
        Thread.sleep(ns / 1_000_000L, (int) (ns % 1_000_000L));
    }
}
