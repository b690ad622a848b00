package io.avreplay.replay.play;

import io.avreplay.replay.time.TimeSpec;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.Checksums;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.sync.CameraMatch;
import io.avreplay.replay.sync.FrameSet;
import io.avreplay.replay.sync.SyncOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A replay of the sensor streams of one or more logs as one timeline.
 *
 * <p><b>Order.</b> Frames come out in timestamp order across all selected streams and logs. Frames
 * with equal timestamps come out by stream kind (lidar before camera), then sensor id, then the
 * order in which the logs were given. The order depends on the logs' time indexes only, so two
 * replays of the same logs with the same settings release identical sequences, with or without
 * read-ahead and at any rate.
 *
 * <p><b>Window.</b> Frames with {@code windowStartNs() <= t < windowEndNs()}; offsets count from the
 * earliest start of the logs; without an end, up to and including the last frame. Each loop replays
 * the whole window again.
 *
 * <p><b>Memory.</b> With read-ahead (the default, {@value #DEFAULT_READ_AHEAD_BYTES} bytes) a
 * daemon thread decodes ahead with its own reader views; decoded frames wait in a queue bounded in
 * bytes, so a log of any length replays in bounded memory. Lidar points stay primitive arrays.
 *
 * <p><b>Ownership and threads.</b> Logs given as paths are opened with the builder's allocator and
 * closed by {@link #close()}; readers passed in stay the caller's (and must outlive the replay). The
 * read-ahead threads decode through {@link LogReader#view views} of those readers (own file handles, the
 * open log's checked index and calibration shared), taken from the same allocator: no log is opened twice.
 * One consumer at a time; {@link #control()} may be used from any thread.
 */
public final class Replay implements AutoCloseable {
    /** Default read-ahead budget: 64 MiB of decoded frames. */
    public static final long DEFAULT_READ_AHEAD_BYTES = 64L << 20;
    /** {@link Builder#loops} value meaning: loop until stopped. */
    public static final int LOOP_FOREVER = 0;

    private final BufferAllocator allocator;
    private final List<LogReader> readers;
    private final List<LogReader> owned;
    private final ReplayPlan plan;
    private final Settings settings;
    private final PlaybackControl control;
    private final List<Player<?>> open = new ArrayList<>();

    private Replay(Builder b, List<LogReader> readers, List<LogReader> owned, ReplayPlan plan) {
        this.allocator = b.allocator;
        this.readers = List.copyOf(readers);
        this.owned = owned;
        this.plan = plan;
        this.settings = new Settings(b.rate, b.clock, b.loops, b.skipCorrupt, b.verifyChecksums, b.groundTruth,
                b.readAheadBytes, b.decodeThreads, b.lendLidarPoints);
        this.control = new PlaybackControl(b.startPaused);
    }

    /** The builder's choices, frozen at {@link Builder#build()}. */
    private record Settings(Rate rate, ReplayClock clock, int loops, boolean skipCorrupt, boolean verifyChecksums,
            boolean groundTruth, long readAheadBytes, int decodeThreads, boolean lendLidarPoints) {
    }

    /** @param allocator the allocator logs opened by path, and read-ahead readers, allocate from */
    public static Builder builder(BufferAllocator allocator) {
        return new Builder(allocator);
    }

    /** The pause/step/stop handle shared by every iteration of this replay. */
    public PlaybackControl control() {
        return control;
    }

    /** @return the first timestamp replayed, ns (inclusive) */
    public long windowStartNs() {
        return plan.startNs();
    }

    /** @return the end of the window, ns (exclusive) */
    public long windowEndNs() {
        return plan.endNs();
    }

    ReplayPlan plan() {
        return plan;
    }

    /** @return the logs, in the order given */
    public List<LogReader> logs() {
        return readers;
    }

    /** @return the selected sensor ids, in tie order (lidars first, then cameras, each by id) */
    public List<String> sensorIds() {
        return plan.slots().stream().map(s -> s.sensorId()).distinct().toList();
    }

    /** @return the selected streams' frame counts inside the window, per sensor id, over one loop */
    public SortedMap<String, Long> framesInWindow() {
        SortedMap<String, Long> out = new TreeMap<>();
        for (StreamSlot s : plan.slots()) {
            LogReader r = readers.get(s.logIndex());
            var fs = r.stream(r.manifest().stream(s.kind(), s.sensorId()).orElseThrow());
            out.merge(s.sensorId(), (long) (fs.ceilIndex(plan.endNs()) - fs.ceilIndex(plan.startNs())), Long::sum);
        }
        return out;
    }

    /** Starts a pull iteration over the frames. Close it, or this replay, when done. */
    public ReplayIterator<ReplayFrame> frames() {
        Production<ReplayFrame> p = rs -> Production.Pipeline.of(
                FrameSchedule.over(rs, plan.slots(), plan.startNs(), plan.endNs(), settings.loops()),
                decoder(rs)::frame);
        return start(p, ReplayFrame::ref, ReplayFrame::loop, f -> List.of(f.ref()));
    }

    /**
     * Starts a pull iteration over frame sets keyed on the reference stream.
     *
     * @throws InvalidConfigException when there is no lidar to default to or the reference is not selected
     */
    public ReplayIterator<FrameSet> frameSets(SyncOptions options) {
        Objects.requireNonNull(options, "options");
        Optional<String> firstLidar = readers.stream()
                .flatMap(r -> r.lidarIds().stream()
                        .filter(id -> plan.slots().stream().anyMatch(s -> s.kind() == StreamKind.LIDAR
                                && s.sensorId().equals(id) && readers.get(s.logIndex()) == r)))
                .findFirst();
        SyncPlan sync = SyncPlan.resolve(plan.slots(), firstLidar, options);
        Production<FrameSet> p = rs -> Production.Pipeline.of(
                new SyncSchedule(rs, sync, plan.startNs(), plan.endNs(), settings.loops(), options),
                decoder(rs)::frameSet);
        return start(p, FrameSet::reference, FrameSet::loop, Replay::framesOf);
    }

    /**
     * Plays every frame to {@code listener} on the calling thread.
     *
     * @throws ReplayListenerException naming the frame when the listener throws
     * @throws io.avreplay.error.CorruptLogException naming file and batch for a corrupt frame, unless skipping
     */
    public ReplaySummary play(ReplayListener<? super ReplayFrame> listener) {
        return drive(frames(), listener, ReplayFrame::ref);
    }

    /** Plays every frame set to {@code listener}; see {@link #play} and {@link #frameSets}. */
    public ReplaySummary playFrameSets(SyncOptions options, ReplayListener<? super FrameSet> listener) {
        return drive(frameSets(options), listener, FrameSet::reference);
    }

    private static <T> ReplaySummary drive(ReplayIterator<T> it, ReplayListener<? super T> listener,
            Function<T, FrameRef> refOf) {
        try (it) {
            while (it.hasNext()) {
                T item = it.next();
                try {
                    listener.onItem(item);
                } catch (Exception e) {
                    throw new ReplayListenerException(refOf.apply(item), e);
                }
            }
            return it.summary();
        }
    }

    private static List<FrameRef> framesOf(FrameSet s) {
        List<FrameRef> out = new ArrayList<>();
        out.add(s.reference());
        for (CameraMatch c : s.cameras()) {
            out.add(c.ref());
        }
        return out;
    }

    private FrameDecoder decoder(List<LogReader> rs) {
        return new FrameDecoder(rs, settings.verifyChecksums(), settings.skipCorrupt(), settings.groundTruth(),
                settings.lendLidarPoints());
    }

    private synchronized <T> ReplayIterator<T> start(Production<T> p, Function<T, FrameRef> refOf,
            Function<T, Integer> loopOf, Function<T, List<FrameRef>> framesOf) {
        ItemSource<T> source = settings.readAheadBytes() > 0
                ? new ReadAhead<>(p, readers, allocator,
                        settings.readAheadBytes(), settings.decodeThreads(), settings.verifyChecksums()
                                ? Checksums.VERIFY : Checksums.SKIP)
                : new DirectSource<>(p, readers);
        Player<?>[] self = new Player<?>[1];
        Player<T> player = new Player<>(source, control, settings.clock(), settings.rate(), refOf, loopOf, framesOf,
                () -> forget(self[0]));
        self[0] = player;
        open.add(player);
        return player;
    }

    private synchronized void forget(Player<?> p) {
        open.remove(p);
    }

    /** Closes open iterations (stopping their read-ahead threads) and the logs this replay opened. */
    @Override
    public void close() {
        List<Player<?>> players;
        synchronized (this) {
            players = new ArrayList<>(open);
        }
        players.forEach(Player::close);
        LogReader.closeAll(owned);
    }

    /** Configures a {@link Replay}. Not thread-safe. */
    public static final class Builder {
        private final BufferAllocator allocator;
        private final List<Object> logs = new ArrayList<>();
        private List<String> sensors = List.of();
        private Optional<TimeSpec> start = Optional.empty();
        private Optional<TimeSpec> end = Optional.empty();
        private Rate rate = Rate.asFastAsPossible();
        private ReplayClock clock = ReplayClock.system();
        private int loops = 1;
        private boolean startPaused;
        private boolean skipCorrupt;
        private boolean verifyChecksums = true;
        private boolean groundTruth = true;
        private long readAheadBytes = DEFAULT_READ_AHEAD_BYTES;
        private int decodeThreads = Runtime.getRuntime().availableProcessors() >= 4 ? 2 : 1;
        private boolean lendLidarPoints;

        private Builder(BufferAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
        }

        /** Adds a log directory; the replay opens and closes it. */
        public Builder log(Path dir) {
            logs.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** Adds an open log; it stays the caller's to close, after the replay. */
        public Builder log(LogReader reader) {
            logs.add(Objects.requireNonNull(reader, "reader"));
            return this;
        }

        /** Sensor ids, or the kinds {@code lidar} / {@code camera}; empty (the default) = every sensor. */
        public Builder sensors(List<String> selectors) {
            this.sensors = List.copyOf(selectors);
            return this;
        }

        public Builder start(TimeSpec t) {
            this.start = Optional.of(t);
            return this;
        }

        /** Exclusive end of the window. */
        public Builder end(TimeSpec t) {
            this.end = Optional.of(t);
            return this;
        }

        /** Default: {@link Rate#asFastAsPossible()}. */
        public Builder rate(Rate r) {
            this.rate = Objects.requireNonNull(r, "rate");
            return this;
        }

        /** Default: {@link ReplayClock#system()}; tests inject a fake. */
        public Builder clock(ReplayClock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Times to play the window, &gt;= 1, or {@link #LOOP_FOREVER}. Default 1. */
        public Builder loops(int n) {
            if (n < 0) {
                throw new InvalidConfigException("loop count must be >= 0 (0 = forever), got " + n);
            }
            this.loops = n;
            return this;
        }

        /** Start paused: nothing is released until {@link PlaybackControl#step} or {@code resume}. */
        public Builder startPaused(boolean p) {
            this.startPaused = p;
            return this;
        }

        /** Skip corrupt frames (counted in the summary) instead of failing. Default false. */
        public Builder skipCorrupt(boolean s) {
            this.skipCorrupt = s;
            return this;
        }

        /**
         * Release lidar sweeps of {@link #frames()} as {@link ReplayFrame#points()} views over the
         * memory-mapped log instead of owned arrays: no copy, and the read-ahead thread only maps and
         * verifies. {@link ReplayFrame#frame()} still works (it copies on first call). Compressed logs get
         * a copy either way. Frame sets are unaffected. Default false.
         */
        public Builder lendLidarPoints(boolean lend) {
            this.lendLidarPoints = lend;
            return this;
        }

        /** Check every batch's CRC-32C before decoding it. Default true. */
        public Builder verifyChecksums(boolean v) {
            this.verifyChecksums = v;
            return this;
        }

        /** Attach ground truth to frames and frame sets. Default true. */
        public Builder groundTruth(boolean g) {
            this.groundTruth = g;
            return this;
        }

        /** Read-ahead budget in bytes of decoded frames; 0 decodes on the consumer's thread. */
        public Builder readAheadBytes(long bytes) {
            if (bytes < 0) {
                throw new InvalidConfigException("read-ahead must be >= 0 bytes, got " + bytes);
            }
            this.readAheadBytes = bytes;
            return this;
        }

        /**
         * Read-ahead threads decoding in parallel (each with its own reader views), &gt;= 1. Default: 1 on a
         * machine with fewer than 4 cores (one thread decodes while the consumer works, filling two
         * cores), otherwise 2. The order of frames never depends on it.
         */
        public Builder decodeThreads(int n) {
            if (n < 1) {
                throw new InvalidConfigException("decode threads must be >= 1, got " + n);
            }
            this.decodeThreads = n;
            return this;
        }

        /**
         * Opens the logs given as paths and resolves the selection and window.
         *
         * @throws InvalidConfigException for an unknown sensor or a window outside the logs
         * @throws io.avreplay.error.BadInputException for an unreadable log or overlapping logs with clashing sensors
         */
        public Replay build() {
            List<LogReader> readers = new ArrayList<>();
            List<LogReader> owned = new ArrayList<>();
            try {
                for (Object l : logs) {
                    LogReader r = l instanceof Path p ? LogReader.open(p, allocator, checksums()) : (LogReader) l;
                    if (l instanceof Path) {
                        owned.add(r);
                    }
                    readers.add(r);
                }
                return new Replay(this, readers, owned, ReplayPlan.resolve(readers, sensors, start, end));
            } catch (RuntimeException e) {
                for (LogReader r : owned) {
                    try {
                        r.close();
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }

        private Checksums checksums() {
            return verifyChecksums ? Checksums.VERIFY : Checksums.SKIP;
        }
    }
}
