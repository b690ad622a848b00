package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.play.Rate;
import io.avreplay.replay.play.Replay;
import io.avreplay.replay.play.ReplayIterator;
import io.avreplay.replay.play.ReplaySummary;
import io.avreplay.replay.time.DurationGrammar;
import io.avreplay.replay.sync.SyncOptions;
import io.avreplay.replay.sync.SyncPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code avreplay replay}: plays logs in timestamp order, one output line per frame or frame set. */
@Command(name = "replay", sortOptions = false,
        description = {
            "Replays the sensor streams of one or more logs as one timeline, in timestamp order "
                    + "(ties: lidar before camera, then sensor id, then log order).",
            "Prints one line per frame (or per frame set with --sync) on stdout and a summary at the end; "
                    + "shows progress on stderr when it is a terminal.",
            "Without --rate, replays as fast as possible."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log directories; several play as one timeline.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--sensors", split = ",", paramLabel = "ID",
            description = "Sensor ids or kinds (lidar, camera) to replay; default: every sensor.")
    List<String> sensors = new ArrayList<>();

    @Option(names = "--start", paramLabel = "TIME",
            description = "Window start (inclusive): offset from the log start (5s, 1500ms, 2m) or an absolute timestamp @NS.")
    String start;

    @Option(names = "--end", paramLabel = "TIME", description = "Window end (exclusive), same forms as --start.")
    String end;

    @Option(names = "--rate", paramLabel = "X",
            description = "Multiple of real time (1.0 = as recorded). Default: as fast as possible.")
    Double rate;

    @Option(names = "--loop", paramLabel = "N", defaultValue = "1",
            description = "Play the window N times; 0 = until interrupted. Default: ${DEFAULT-VALUE}.")
    int loops;

    @Option(names = "--sync", description = "Print frame sets keyed on the reference stream instead of frames.")
    boolean sync;

    @Option(names = "--reference", paramLabel = "ID", description = "Reference sensor of --sync; default: first lidar.")
    String reference;

    @Option(names = "--tolerance", paramLabel = "TIME", defaultValue = "50ms",
            description = "Largest camera-to-reference time difference in a frame set. Default: ${DEFAULT-VALUE}.")
    String tolerance;

    @Option(names = "--sync-policy", paramLabel = "POLICY", defaultValue = "nearest", converter = PolicyConverter.class,
            description = "nearest or latest-before. Default: ${DEFAULT-VALUE}.")
    SyncPolicy policy;

    @Option(names = "--skip-corrupt", description = "Skip corrupt frames (counted in the summary) instead of failing.")
    boolean skipCorrupt;

    @Mixin
    VerifyOption verify = new VerifyOption();

    @Option(names = "--read-ahead-mb", paramLabel = "MB", defaultValue = "64",
            description = "Memory for frames decoded ahead, MiB; 0 = no read-ahead. Default: ${DEFAULT-VALUE}.")
    long readAheadMb;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ReplayOutput.Format format;

    @Option(names = "--summary-only", description = "Print only the summary, not a line per frame.")
    boolean summaryOnly;

    @Override
    public Integer call() {
        ReplayOutput output = ReplayOutput.forFormat(format, spec.commandLine().getOut());
        try (BufferAllocator allocator = Allocators.root(); Replay replay = build(allocator)) {
            ReplaySummary summary;
            try (ProgressReporter.Task progress = ProgressReporter.of(spec).task("ms of log")) {
                ReplayProgress timeline = new ReplayProgress(replay, progress);
                summary = sync ? run(replay.frameSets(syncOptions()), output::frameSet, timeline)
                        : run(replay.frames(), output::frame, timeline);
            }
            output.summary(summary);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private <T> ReplaySummary run(ReplayIterator<T> it, Consumer<T> print, ReplayProgress progress) {
        try (it) {
            while (it.hasNext()) {
                T item = it.next();
                if (!summaryOnly) {
                    print.accept(item);
                }
                progress.update(item);
            }
            return it.summary();
        }
    }

    private Replay build(BufferAllocator allocator) {
        if (readAheadMb < 0) {
            throw new InvalidConfigException("--read-ahead-mb must be >= 0, got " + readAheadMb);
        }
        Replay.Builder b = Replay.builder(allocator).sensors(sensors).loops(loops).skipCorrupt(skipCorrupt)
                .verifyChecksums(!verify.noVerify).readAheadBytes(readAheadMb << 20).lendLidarPoints(true);
        logs.forEach(b::log);
        Optional.ofNullable(start).map(t -> DurationGrammar.parsePoint("--start", t)).ifPresent(b::start);
        Optional.ofNullable(end).map(t -> DurationGrammar.parsePoint("--end", t)).ifPresent(b::end);
        if (rate != null) {
            if (!(rate > 0) || rate.isInfinite()) {
                throw new InvalidConfigException("--rate must be a finite number > 0, got " + rate);
            }
            b.rate(Rate.realTime(rate));
        }
        return b.build();
    }

    private SyncOptions syncOptions() {
        long toleranceNs = DurationGrammar.parseNs("--tolerance", tolerance);
        SyncOptions o = SyncOptions.defaults().withToleranceNs(toleranceNs).withPolicy(policy);
        return reference == null ? o : o.withReference(reference);
    }

    /** {@code --sync-policy} by its id ({@link SyncPolicy#fromId}). */
    static final class PolicyConverter implements ITypeConverter<SyncPolicy> {
        @Override
        public SyncPolicy convert(String value) {
            try {
                return SyncPolicy.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
