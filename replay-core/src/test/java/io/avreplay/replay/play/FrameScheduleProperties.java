package io.avreplay.replay.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The schedule is a stable k-way merge: every frame in the window once per loop, in (time, tie order). */
class FrameScheduleProperties {
    /** A stream with only a time index; reading data is not the schedule's business. */
    private record IndexOnly(StreamInfo info, long[] ts) implements FrameStream<Object> {
        @Override
        public int size() {
            return ts.length;
        }

        @Override
        public long timestampNs(int index) {
            return ts[index];
        }

        @Override
        public Object read(int index) {
            throw new UnsupportedOperationException("the schedule must not read frames");
        }

        @Override
        public int ceilIndex(long ns) {
            int i = 0;
            while (i < ts.length && ts[i] < ns) {
                i++;
            }
            return i;
        }

        @Override
        public int floorIndex(long ns) {
            return ceilIndex(ns == Long.MAX_VALUE ? ns : ns + 1) - 1;
        }

        @Override
        public void verify(int index) {
        }
    }

    @Property(tries = 300)
    void mergesEveryWindowFrameOncePerLoopInTimeThenTieOrder(
            @ForAll @Size(min = 1, max = 4) List<@Size(max = 12) List<@LongRange(min = 0, max = 40) Long>> times,
            @ForAll @LongRange(min = 0, max = 45) long start, @ForAll @LongRange(min = 1, max = 45) long length,
            @ForAll @IntRange(min = 1, max = 3) int loops) {
        List<StreamSlot> slots = new ArrayList<>();
        List<IndexOnly> streams = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            long[] ts = times.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            StreamKind kind = i % 2 == 0 ? StreamKind.LIDAR : StreamKind.CAMERA;
            slots.add(new StreamSlot(i / 2, "log-" + i / 2, kind, "s" + i));
            streams.add(new IndexOnly(new StreamInfo("f" + i, "s" + i, kind, ts.length, 0, 0), ts));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(slots::get, StreamSlot.TIE_ORDER));
        List<StreamSlot> sortedSlots = order.stream().map(slots::get).toList();
        List<IndexOnly> sortedStreams = order.stream().map(streams::get).toList();

        long end = start + length;
        List<FrameStep> got = new ArrayList<>();
        new FrameSchedule(sortedSlots, sortedStreams, start, end, loops).forEachRemaining(got::add);

        List<FrameStep> oneLoop = new ArrayList<>();
        for (int k = 0; k < sortedSlots.size(); k++) {
            long[] ts = sortedStreams.get(k).ts();
            for (int i = 0; i < ts.length; i++) {
                if (ts[i] >= start && ts[i] < end) {
                    oneLoop.add(new FrameStep(sortedSlots.get(k), i, ts[i], 0));
                }
            }
        }
        int expectedLoops = oneLoop.isEmpty() ? 0 : loops;
        assertEquals(oneLoop.size() * expectedLoops, got.size());
        for (int n = 1; n < got.size(); n++) {
            FrameStep a = got.get(n - 1);
            FrameStep b = got.get(n);
            if (a.loop() == b.loop()) {
                assertTrue(a.timestampNs() < b.timestampNs() || a.timestampNs() == b.timestampNs()
                        && (StreamSlot.TIE_ORDER.compare(a.slot(), b.slot()) < 0
                                || a.slot().equals(b.slot()) && a.index() < b.index()),
                        "order at " + n + ": " + a + " then " + b);
            } else {
                assertEquals(a.loop() + 1, b.loop());
            }
        }
        for (int l = 0; l < expectedLoops; l++) {
            final int loop = l;
            List<String> inLoop = got.stream().filter(s -> s.loop() == loop)
                    .map(s -> s.slot().sensorId() + "#" + s.index()).sorted().toList();
            List<String> want = oneLoop.stream().map(s -> s.slot().sensorId() + "#" + s.index()).sorted().toList();
            assertEquals(want, inLoop, "loop " + l + " holds each window frame exactly once");
        }
        assertTrue(Arrays.asList(0, loops).contains(got.isEmpty() ? 0 : got.get(got.size() - 1).loop() + 1));
    }
}
