package io.avreplay.replay.play;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The order in which frames are released: a k-way merge of the selected streams' time indexes over
 * the window {@code [startNs, endNs)}, repeated once per loop. Equal timestamps follow
 * {@link StreamSlot#TIE_ORDER}. Reads no frame data, so it is cheap and deterministic.
 * Not thread-safe.
 */
final class FrameSchedule implements Iterator<FrameStep> {
    /** Play forever. */
    static final int FOREVER = 0;

    private final List<Cursor> cursors = new ArrayList<>();
    private final long startNs;
    private final long endNs;
    private final int loops;
    private final PriorityQueue<Cursor> heap = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.timestamp(), b.timestamp());
        return c != 0 ? c : Integer.compare(a.order, b.order);
    });
    private int loop = -1;
    private boolean loopHadFrames;

    /** @param slots the streams of {@code readers}, already sorted in tie order */
    static FrameSchedule over(List<LogReader> readers, List<StreamSlot> slots, long startNs, long endNs, int loops) {
        return new FrameSchedule(slots, slots.stream().<FrameStream<?>>map(s -> {
            LogReader r = readers.get(s.logIndex());
            return r.stream(r.manifest().stream(s.kind(), s.sensorId()).orElseThrow());
        }).toList(), startNs, endNs, loops);
    }

    /**
     * @param slots   the streams, already sorted in tie order
     * @param streams their frame streams (only the time index is used), parallel to {@code slots}
     */
    FrameSchedule(List<StreamSlot> slots, List<? extends FrameStream<?>> streams, long startNs, long endNs,
            int loops) {
        this.startNs = startNs;
        this.endNs = endNs;
        this.loops = loops;
        for (int i = 0; i < slots.size(); i++) {
            cursors.add(new Cursor(slots.get(i), streams.get(i), i));
        }
        startLoop();
    }

    private boolean startLoop() {
        if (loop >= 0 && !loopHadFrames) {
            return false;
        }
        if (loops != FOREVER && loop + 1 >= loops) {
            return false;
        }
        loop++;
        loopHadFrames = false;
        heap.clear();
        for (Cursor c : cursors) {
            c.pos = c.stream.ceilIndex(startNs);
            c.end = c.stream.ceilIndex(endNs);
            if (c.pos < c.end) {
                heap.add(c);
            }
        }
        return true;
    }

    @Override
    public boolean hasNext() {
        while (heap.isEmpty()) {
            if (!startLoop()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public FrameStep next() {
        if (!hasNext()) {
            throw new NoSuchElementException("replay schedule is exhausted");
        }
        Cursor c = heap.poll();
        FrameStep step = new FrameStep(c.slot, c.pos, c.timestamp(), loop);
        c.pos++;
        if (c.pos < c.end) {
            heap.add(c);
        }
        loopHadFrames = true;
        return step;
    }

    private static final class Cursor {
        final StreamSlot slot;
        final FrameStream<?> stream;
        final int order;
        int pos;
        int end;

        Cursor(StreamSlot slot, FrameStream<?> stream, int order) {
            this.slot = slot;
            this.stream = stream;
            this.order = order;
        }

        long timestamp() {
            return stream.timestampNs(pos);
        }
    }
}
