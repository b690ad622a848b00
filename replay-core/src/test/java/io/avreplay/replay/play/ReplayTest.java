package io.avreplay.replay.play;

import io.avreplay.replay.time.TimeSpec;
import static io.avreplay.replay.arrow.TestLogs.CAMERA_PERIOD_NS;
import static io.avreplay.replay.arrow.TestLogs.LIDAR_PERIOD_NS;
import static io.avreplay.replay.arrow.TestLogs.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.error.CorruptLogException;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.FixtureLogTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.StreamKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayTest extends FixtureLogTest {
    private Replay.Builder replay() {
        return Replay.builder(allocator).log(log);
    }

    private static List<FrameRef> refs(Replay r) {
        List<FrameRef> out = new ArrayList<>();
        r.play(f -> out.add(f.ref()));
        return out;
    }

    @Test
    void readAheadThreadsDecodeThroughViewsSoTheLogIsOpenedOnce() {
        opens.reset(); // forget the fixture's writing
        try (Replay r = replay().decodeThreads(2).build()) {
            assertEquals(29, refs(r).size());
        }
        // one open by the replay; each of the 2 read-ahead threads takes a view (no open of its own)
        assertEquals(java.util.Map.of("fixture-log", 1), opens.opened());
        assertEquals(java.util.Map.of("fixture-log", 2), opens.views());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, Replay.DEFAULT_READ_AHEAD_BYTES})
    void framesComeOutInTimestampOrderWithLidarFirstOnTies(long readAhead) {
        try (Replay r = replay().readAheadBytes(readAhead).build()) {
            List<FrameRef> got = refs(r);
            assertEquals(29, got.size());
            for (int i = 1; i < got.size(); i++) {
                assertTrue(got.get(i - 1).timestampNs() <= got.get(i).timestampNs(), "order at " + i);
            }
            // T0 has a sweep and an image: the documented tie order puts the lidar first.
            assertEquals(new FrameRef("fixture-log", StreamKind.LIDAR, "lidar_top", 0, T0), got.get(0));
            assertEquals(new FrameRef("fixture-log", StreamKind.CAMERA, "cam_front", 0, T0), got.get(1));
            assertEquals(new FrameRef("fixture-log", StreamKind.CAMERA, "cam_front", 1, T0 + CAMERA_PERIOD_NS),
                    got.get(2));
            assertEquals(List.of("lidar_top", "cam_front"), r.sensorIds());
        }
    }

    @Test
    void framesCarryDecodedDataAndGroundTruth() {
        try (Replay r = replay().build(); ReplayIterator<ReplayFrame> it = r.frames()) {
            ReplayFrame first = it.next();
            LidarSweep s = (LidarSweep) first.frame();
            assertArrayEquals(TestLogs.sweep("lidar_top", T0, 0, 500).x(), s.x());
            assertEquals(TestLogs.boxes(0), first.groundTruth3d());
            assertTrue(first.groundTruth2d().isEmpty());
            ReplayFrame cam = it.next();
            assertEquals(1, cam.groundTruth2d().size(), "the camera frame's 2D box");
            assertTrue(cam.groundTruth3d().isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void twoRunsProduceIdenticalSequences(int decodeThreads) {
        List<ReplayFrame> a = new ArrayList<>();
        List<ReplayFrame> b = new ArrayList<>();
        try (Replay r = replay().loops(2).build()) {
            r.play(a::add);
        }
        // 0 = decoded on the consumer's thread; otherwise that many read-ahead threads.
        try (Replay r = replay().loops(2).readAheadBytes(decodeThreads == 0 ? 0 : 30_000)
                .decodeThreads(Math.max(1, decodeThreads)).build()) {
            r.play(b::add);
        }
        assertEquals(58, a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).ref(), b.get(i).ref());
            assertEquals(a.get(i).loop(), b.get(i).loop());
            assertEquals(a.get(i).groundTruth3d(), b.get(i).groundTruth3d());
            if (a.get(i).frame() instanceof LidarSweep s) {
                assertArrayEquals(s.z(), ((LidarSweep) b.get(i).frame()).z());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "ZSTD"})
    void lentPointsEqualTheOwnedSweepsAndOutliveTheReplay(String compression) {
        Path lz = tmp.resolve("lent-" + compression);
        TestLogs.write(lz, allocator, TestLogs.Spec.small().withOptions(
                io.avreplay.replay.arrow.WriteOptions.defaults().withCompression(
                        io.avreplay.replay.arrow.Compression.valueOf(compression))));
        List<LidarSweep> owned = new ArrayList<>();
        List<List<io.avreplay.replay.object.GroundTruth3d>> ownedTruth = new ArrayList<>();
        List<ReplayFrame> lent = new ArrayList<>();
        try (Replay r = Replay.builder(allocator).log(lz).sensors(List.of("lidar")).build()) {
            r.play(f -> {
                owned.add((LidarSweep) f.frame());
                ownedTruth.add(f.groundTruth3d());
            });
        }
        try (Replay r = Replay.builder(allocator).log(lz).sensors(List.of("lidar")).lendLidarPoints(true)
                .decodeThreads(2).build()) {
            r.play(lent::add);
        }
        // the replay and its readers are closed: the kept views must still read the right points
        assertEquals(10, lent.size());
        for (int i = 0; i < owned.size(); i++) {
            LidarSweep want = owned.get(i);
            io.avreplay.replay.arrow.LidarPointsView v = lent.get(i).points().orElseThrow();
            assertEquals(want.size(), v.size());
            assertEquals(want.timestampNs(), v.timestampNs());
            for (int p = 0; p < v.size(); p++) {
                assertEquals(want.x()[p], v.x().get(p), "x of point " + p + " of sweep " + i);
                assertEquals(want.z()[p], v.z().get(p));
                assertEquals(want.offsetNs()[p], v.offsetNs().get(p));
                assertEquals(want.ring()[p], v.ring().get(p));
            }
            LidarSweep copy = (LidarSweep) lent.get(i).frame();
            assertArrayEquals(want.y(), copy.y());
            assertArrayEquals(want.intensity(), copy.intensity());
            assertEquals(ownedTruth.get(i), lent.get(i).groundTruth3d());
        }
        assertFalse(ownedTruth.get(3).isEmpty(), "the fixture annotates its sweeps");
    }

    @Test
    void lentPointsStillCheckChecksumsAndSkipCorruptFrames() throws Exception {
        int bad = corruptLidar();
        try (Replay r = replay().sensors(List.of("lidar_top")).lendLidarPoints(true).build()) {
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> r.play(f -> { }));
            assertTrue(e.getMessage().contains("lidar/lidar_top.arrow: batch " + bad), e.getMessage());
        }
        List<FrameRef> seen = new ArrayList<>();
        try (Replay r = replay().sensors(List.of("lidar_top")).lendLidarPoints(true).skipCorrupt(true).build()) {
            ReplaySummary s = r.play(f -> seen.add(f.ref()));
            assertEquals(9, seen.size());
            assertEquals(1L, s.skippedByReason().get(SkipReason.CHECKSUM_MISMATCH));
        }
    }

    @Test
    void windowOffsetsAndAbsoluteTimesSelectTheSameFrames() {
        List<FrameRef> byOffset;
        try (Replay r = replay().sensors(List.of("lidar_top")).start(TimeSpec.parse("200ms"))
                .end(TimeSpec.parse("0.5s")).build()) {
            assertEquals(T0 + 200_000_000L, r.windowStartNs());
            byOffset = refs(r);
        }
        assertEquals(List.of(2, 3, 4), byOffset.stream().map(FrameRef::index).toList(), "start inclusive, end exclusive");
        try (Replay r = replay().sensors(List.of("lidar_top")).start(TimeSpec.absoluteNs(T0 + 200_000_000L))
                .end(TimeSpec.absoluteNs(T0 + 500_000_000L)).build()) {
            assertEquals(byOffset, refs(r));
        }
    }

    @Test
    void sensorsAreSelectedByIdOrKind() {
        try (Replay r = replay().sensors(List.of("cam_front")).build()) {
            assertTrue(refs(r).stream().allMatch(f -> f.sensorId().equals("cam_front")));
        }
        try (Replay r = replay().sensors(List.of("lidar")).build()) {
            ReplaySummary s = r.play(f -> { });
            assertEquals(java.util.Map.of("lidar_top", 10L), s.framesPerStream());
        }
    }

    @Test
    void unknownSensorListsTheLogsSensors() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> replay().sensors(List.of("lidar_roof")).build());
        assertTrue(e.getMessage().contains("no sensor 'lidar_roof'"), e.getMessage());
        assertTrue(e.getMessage().contains("the log has: lidar_top, cam_front"), e.getMessage());
    }

    @Test
    void windowOutsideTheLogIsRejected() {
        InvalidConfigException late = assertThrows(InvalidConfigException.class,
                () -> replay().start(TimeSpec.parse("5s")).build());
        assertTrue(late.getMessage().contains("lies outside the log"), late.getMessage());
        assertTrue(late.getMessage().contains("0.900 s"), late.getMessage());
        assertThrows(InvalidConfigException.class, () -> replay().end(TimeSpec.absoluteNs(T0 - 1)).build());
        InvalidConfigException empty = assertThrows(InvalidConfigException.class,
                () -> replay().start(TimeSpec.parse("500ms")).end(TimeSpec.parse("200ms")).build());
        assertTrue(empty.getMessage().contains("window is empty"), empty.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void corruptBatchInTheMiddleFailsNamingFileAndBatch(int decodeThreads) throws Exception {
        int bad = corruptLidar();
        List<FrameRef> seen = new ArrayList<>();
        try (Replay r = replay().sensors(List.of("lidar_top")).decodeThreads(decodeThreads).build()) {
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> r.play(f -> seen.add(f.ref())));
            assertTrue(e.getMessage().contains("lidar/lidar_top.arrow: batch " + bad), e.getMessage());
        }
        assertEquals(bad, seen.size(), "every frame before the corrupt one was delivered, in order");
    }

    @Test
    void skipCorruptContinuesAndCountsTheSkippedFrame() throws Exception {
        int bad = corruptLidar();
        List<FrameRef> seen = new ArrayList<>();
        try (Replay r = replay().skipCorrupt(true).build()) {
            ReplaySummary s = r.play(f -> seen.add(f.ref()));
            assertEquals(28, seen.size());
            assertEquals(9L, s.framesPerStream().get("lidar_top"));
            assertEquals(1, s.totalSkipped());
            assertEquals(1L, s.skippedByReason().get(SkipReason.CHECKSUM_MISMATCH));
            SkippedFrame skipped = s.skipped().get(0);
            assertEquals(bad, skipped.ref().index());
            assertTrue(skipped.message().contains("batch " + bad), skipped.message());
        }
        assertFalse(seen.stream().anyMatch(f -> f.sensorId().equals("lidar_top") && f.index() == bad));
    }

    /**
     * D6: a batch that fails to decode on a read-ahead thread (node length 2^40, checksums off) reaches
     * the consumer as one exception; nothing escapes the thread (no trace on stderr) and nothing leaks.
     */
    @Test
    void readAheadDecodeFailureReachesTheConsumerOnly() throws Exception {
        Path lidar = log.resolve("lidar/lidar_top.arrow");
        assertTrue(io.avreplay.replay.arrow.ArrowPatches.patchNodeLengths(lidar, 3, 500, 1L << 40, allocator) > 0);
        List<Throwable> escaped = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(e));
        try (Replay r = replay().sensors(List.of("lidar_top")).verifyChecksums(false).readAheadBytes(1 << 20)
                .build()) {
            CorruptLogException e = assertThrows(CorruptLogException.class, () -> r.play(f -> { }));
            assertTrue(e.getMessage().startsWith(lidar + ": batch 3"), e.getMessage());
            assertEquals(0, e.getSuppressed().length, "no leak report from cleaning up");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertEquals(List.of(), escaped);
    }

    /** Breaks one lidar batch in the middle of the file; returns its frame index. */
    private int corruptLidar() throws Exception {
        PlayLogs.flipByte(log.resolve("lidar/lidar_top.arrow"), 0.5);
        try (LogReader r = LogReader.open(log, allocator)) {
            var lidar = r.lidar("lidar_top");
            List<Integer> bad = new ArrayList<>();
            for (int i = 0; i < lidar.size(); i++) {
                try {
                    lidar.verify(i);
                } catch (CorruptLogException e) {
                    bad.add(i);
                }
            }
            assertEquals(1, bad.size(), "exactly one corrupt batch");
            assertTrue(bad.get(0) > 0 && bad.get(0) < 9, "in the middle of the file");
            return bad.get(0);
        }
    }

    @Test
    void aThrowingListenerStopsTheReplayNamingTheFrame() {
        List<FrameRef> seen = new ArrayList<>();
        try (Replay r = replay().sensors(List.of("lidar_top")).build()) {
            ReplayListenerException e = assertThrows(ReplayListenerException.class, () -> r.play(f -> {
                if (f.ref().index() == 3) {
                    throw new IllegalStateException("detector crashed");
                }
                seen.add(f.ref());
            }));
            assertEquals(3, e.frame().index());
            assertTrue(e.getMessage().contains("lidar lidar_top #3 at " + (T0 + 3 * LIDAR_PERIOD_NS) + " ns"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("detector crashed"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
        assertEquals(3, seen.size());
    }

    @Test
    void pacedReplayWaitsOnTheInjectedClock() {
        FakeClock clock = new FakeClock();
        try (Replay r = replay().sensors(List.of("lidar_top")).rate(Rate.realTime(2.0)).clock(clock).build()) {
            ReplaySummary s = r.play(f -> { });
            // 10 sweeps 100 ms apart at 2x: the first is released at once, then 9 waits of 50 ms.
            assertEquals(List.of(50_000_000L), clock.sleeps.stream().distinct().toList());
            assertEquals(9, clock.sleeps.size());
            assertEquals(900_000_000L, s.replayedNs());
            assertEquals(450_000_000L, s.wallNs());
            assertEquals(450_000_000L, s.releaseSpanNs());
            assertEquals(2.0, s.effectiveRate(), 1e-9);
        }
    }

    @Test
    void asFastAsPossibleNeverWaitsAndLoopsReplayTheWindow() {
        FakeClock clock = new FakeClock();
        List<ReplayFrame> got = new ArrayList<>();
        try (Replay r = replay().sensors(List.of("lidar_top")).clock(clock).loops(3).build()) {
            ReplaySummary s = r.play(got::add);
            assertTrue(clock.sleeps.isEmpty());
            assertEquals(3, s.loops());
            assertEquals(30, s.items());
            assertEquals(3 * 900_000_000L, s.replayedNs());
        }
        assertEquals(List.of(0, 1, 2), got.stream().map(ReplayFrame::loop).distinct().toList());
        assertEquals(got.get(0).ref(), got.get(10).ref(), "each loop starts again at the window start");
    }

    @Test
    void loopForeverRunsUntilStopped() {
        try (Replay r = replay().sensors(List.of("lidar_top")).loops(Replay.LOOP_FOREVER).build()) {
            int[] n = {0};
            ReplaySummary s = r.play(f -> {
                if (++n[0] == 35) {
                    r.control().stop();
                }
            });
            assertEquals(35, s.items());
            assertEquals(4, s.loops());
        }
    }

    @Test
    void startPausedReleasesOnlyStepsUntilResumed() {
        try (Replay r = replay().sensors(List.of("lidar_top")).startPaused(true).build();
                ReplayIterator<ReplayFrame> it = r.frames()) {
            PlaybackControl c = r.control();
            assertTrue(c.isPaused());
            assertFalse(c.canRelease(), "hasNext() would block now");
            c.step(2);
            assertEquals(0, it.next().ref().index());
            assertEquals(1, it.next().ref().index());
            assertFalse(c.canRelease(), "both steps used");
            c.resume();
            int rest = 0;
            while (it.hasNext()) {
                it.next();
                rest++;
            }
            assertEquals(8, rest);
        }
    }

    @Test
    void readAheadStaysWithinItsByteBudget() {
        long budget = 20_000; // a 500-point sweep is about 8.8 kB decoded
        try (Replay r = replay().readAheadBytes(budget).build()) {
            ReplaySummary s = r.play(f -> { });
            assertTrue(s.peakReadAheadBytes() > 0);
            assertTrue(s.peakReadAheadBytes() <= budget, "peak " + s.peakReadAheadBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void closingMidwayStopsTheReadAheadThreadsAndReleasesTheirReaders(int decodeThreads) {
        try (Replay r = replay().readAheadBytes(10_000).decodeThreads(decodeThreads).build()) {
            ReplayIterator<ReplayFrame> it = r.frames();
            it.next();
        } // tearDown closes the allocator: it fails if the read-ahead readers were left open
    }

    @Test
    void logsThatFollowEachOtherPlayAsOneTimeline() {
        long t1 = T0 + 10 * LIDAR_PERIOD_NS;
        Path a = PlayLogs.write(tmp.resolve("a"), allocator, "part-1", T0, 10, "lidar_top", List.of("cam"), 0);
        Path b = PlayLogs.write(tmp.resolve("b"), allocator, "part-2", t1, 10, "lidar_top", List.of("cam"), 0);
        try (Replay r = Replay.builder(allocator).log(b).log(a).sensors(List.of("lidar_top")).build()) {
            List<FrameRef> got = refs(r);
            assertEquals(20, got.size());
            assertEquals("part-1", got.get(0).logId(), "ordered by time, not by argument order");
            assertEquals("part-2", got.get(10).logId());
            assertEquals(t1, got.get(10).timestampNs());
        }
    }

    @Test
    void overlappingLogsWithDistinctSensorsInterleave() {
        Path a = PlayLogs.write(tmp.resolve("a"), allocator, "lidar-log", T0, 5, "lidar_top", List.of(), 0);
        Path b = PlayLogs.write(tmp.resolve("b"), allocator, "cam-log", T0, 5, "", List.of("cam"), 0);
        try (Replay r = Replay.builder(allocator).log(a).log(b).build()) {
            List<FrameRef> got = refs(r);
            assertEquals(10, got.size());
            assertEquals(List.of("lidar_top", "cam", "lidar_top", "cam"),
                    got.subList(0, 4).stream().map(FrameRef::sensorId).toList());
        }
    }

    @Test
    void overlappingLogsWithClashingSensorIdsAreRejected() {
        Path other = tmp.resolve("other");
        TestLogs.write(other, allocator, TestLogs.Spec.small().withId("other-log"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Replay.builder(allocator).log(log).log(other).build());
        assertTrue(e.getMessage().contains("overlap in time and both have lidar 'lidar_top'"), e.getMessage());
        BadInputException selected = assertThrows(BadInputException.class,
                () -> Replay.builder(allocator).log(log).log(other).sensors(List.of("cam_front")).build());
        assertTrue(selected.getMessage().contains(other.toString()), selected.getMessage());
    }

    @Test
    void framesInWindowCountsWithoutReading() {
        try (Replay r = replay().start(TimeSpec.parse("100ms")).build()) {
            assertEquals(java.util.Map.of("lidar_top", 9L, "cam_front", 17L), r.framesInWindow());
        }
    }
}
