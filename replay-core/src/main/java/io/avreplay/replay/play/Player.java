package io.avreplay.replay.play;

import io.avreplay.error.AvreplayException;
import io.avreplay.replay.log.FrameRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The consuming side of a replay: takes decoded steps from an {@link ItemSource}, records skipped
 * frames, waits while paused, paces items against the clock and keeps the summary.
 *
 * <p>Pacing: an item with log time {@code t} is released at wall time
 * {@code anchorWall + (t − anchorLog) / rate}. The anchor is the first item of each loop and the first
 * item after a pause or step, so pausing never makes the replay rush.
 */
final class Player<T> implements ReplayIterator<T> {
    private final ItemSource<T> source;
    private final PlaybackControl control;
    private final ReplayClock clock;
    private final Rate rate;
    private final Function<T, FrameRef> refOf;
    private final Function<T, Integer> loopOf;
    private final Function<T, List<FrameRef>> framesOf;
    private final Runnable onClose;

    private final TreeMap<String, Long> framesPerStream = new TreeMap<>();
    private final Map<SkipReason, Long> skippedByReason = new EnumMap<>(SkipReason.class);
    private final List<SkippedFrame> skipped = new ArrayList<>();
    private Optional<T> pending = Optional.empty();
    private boolean released;
    private boolean finished;
    private boolean closed;
    private long items;
    private long startWall = -1;
    private long endWall = -1;
    private long replayedNs;
    private int loop = -1;
    private long loopFirstNs;
    private long loopLastNs;
    private long firstRelease = -1;
    private long lastRelease;
    private long anchorWall;
    private long anchorLog;
    private boolean anchored;

    Player(ItemSource<T> source, PlaybackControl control, ReplayClock clock, Rate rate, Function<T, FrameRef> refOf,
            Function<T, Integer> loopOf, Function<T, List<FrameRef>> framesOf, Runnable onClose) {
        this.source = source;
        this.control = control;
        this.clock = clock;
        this.rate = rate;
        this.refOf = refOf;
        this.loopOf = loopOf;
        this.framesOf = framesOf;
        this.onClose = onClose;
    }

    @Override
    public boolean hasNext() {
        if (startWall < 0) {
            startWall = clock.nanoTime();
        }
        if (finished) {
            return false;
        }
        while (pending.isEmpty()) {
            Optional<Decoded<T>> d = take();
            if (d.isEmpty()) {
                finish();
                return false;
            }
            d.get().skipped().forEach(this::recordSkip);
            pending = d.get().item();
        }
        if (!released) {
            try {
                if (control.awaitRelease()) {
                    anchored = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AvreplayException("replay interrupted while paused before " + refOf.apply(pending.get()), e);
            }
            if (control.isStopped()) {
                finish();
                return false;
            }
            released = true;
        }
        return true;
    }

    private Optional<Decoded<T>> take() {
        if (control.isStopped()) {
            return Optional.empty();
        }
        try {
            return source.take();
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the replay has ended");
        }
        T item = pending.get();
        pending = Optional.empty();
        released = false;
        FrameRef ref = refOf.apply(item);
        pace(ref, loopOf.apply(item));
        lastRelease = clock.nanoTime();
        if (firstRelease < 0) {
            firstRelease = lastRelease;
        }
        items++;
        for (FrameRef f : framesOf.apply(item)) {
            framesPerStream.merge(f.sensorId(), 1L, Long::sum);
        }
        return item;
    }

    private void pace(FrameRef ref, int itemLoop) {
        long t = ref.timestampNs();
        if (itemLoop != loop) {
            if (loop >= 0) {
                replayedNs += loopLastNs - loopFirstNs;
            }
            loop = itemLoop;
            loopFirstNs = t;
            anchored = false;
        }
        loopLastNs = t;
        long now = clock.nanoTime();
        if (!anchored) {
            anchorWall = now;
            anchorLog = t;
            anchored = true;
            return;
        }
        long due = anchorWall + rate.wallNs(t - anchorLog);
        if (rate.isPaced() && due > now) {
            try {
                clock.sleepNanos(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AvreplayException("replay interrupted while pacing " + ref, e);
            }
        }
    }

    private void recordSkip(SkippedFrame s) {
        skippedByReason.merge(s.reason(), 1L, Long::sum);
        if (skipped.size() < ReplaySummary.MAX_LISTED_SKIPS) {
            skipped.add(s);
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            endWall = clock.nanoTime();
            pending = Optional.empty();
        }
    }

    @Override
    public ReplaySummary summary() {
        long wall = (finished ? endWall : clock.nanoTime()) - (startWall < 0 ? clock.nanoTime() : startWall);
        long replayed = replayedNs + (loop >= 0 ? loopLastNs - loopFirstNs : 0);
        long span = firstRelease < 0 ? 0 : lastRelease - firstRelease;
        return new ReplaySummary(framesPerStream, items, Math.max(0, wall), span, replayed, loop + 1,
                skippedByReason, skipped, source.peakBufferedBytes());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            finish();
            source.close();
            onClose.run();
        }
    }
}
