package io.avreplay.replay.play;

import java.util.ArrayList;
import java.util.List;

/** A clock that never waits: sleeping only advances its time, and each sleep is recorded. */
final class FakeClock implements ReplayClock {
    long now = 1_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long ns) {
        sleeps.add(ns);
        now += ns;
    }

    long slept() {
        return sleeps.stream().mapToLong(Long::longValue).sum();
    }
}
