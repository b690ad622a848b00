package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.Compression;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.scenario.synth.Preset;
import io.avreplay.scenario.synth.Presets;
import io.avreplay.scenario.synth.SynthEvent;
import io.avreplay.scenario.synth.SynthOptions;
import io.avreplay.scenario.synth.Synthesizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avreplay synth}: generates a synthetic log with exact ground truth from a preset. */
@Command(name = "synth", description = {"Synthesize a testbed log (lidar, front camera, ego poses, 3D/2D ground truth) from a preset.",
            "Built-in presets: urban-intersection, pedestrian-crossing, congested-arterial, night-rain, cut-in,"
                + " pothole-road; or give a .yaml/.json preset file."})
final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--preset", required = true, paramLabel = "NAME|FILE", description = "Built-in preset name or preset file.")
    String preset;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class,
            description = "Log length, e.g. 20s, 500ms, 1.5min (at most 24h; default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Log directory to create.")
    Path out;

    @Option(names = "--rate-lidar", defaultValue = "10", paramLabel = "HZ", description = "Lidar rate (default: ${DEFAULT-VALUE}).")
    double rateLidar;

    @Option(names = "--rate-camera", defaultValue = "20", paramLabel = "HZ",
            description = "Camera rate, 0 for no camera (default: ${DEFAULT-VALUE}).")
    double rateCamera;

    @Option(names = "--compression", defaultValue = "zstd",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Compression compression;

    @Option(names = "--overwrite", description = "Replace an existing log at --out.")
    boolean overwrite;

    @Override
    public Integer call() {
        if (durationNs <= 0) {
            throw new InvalidConfigException("--duration must be > 0, got " + durationNs / 1e9 + "s");
        }
        Preset p = Presets.load(preset);
        SynthOptions options = new SynthOptions(rateLidar, rateCamera, 90, compression, overwrite);
        LogManifest m;
        try (RootAllocator allocator = Allocators.root();
             ProgressReporter.Task progress = ProgressReporter.of(spec).task("frames")) {
            m = Synthesizer.generate(p, seed, durationNs, options, out, allocator, progress);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s: preset %s, seed %d, %.1f s%n", out, p.name(), seed, m.durationNs() / 1e9);
        for (StreamInfo s : m.streams()) {
            o.printf(Locale.ROOT, "  %-28s %6d frames%n", s.name(), s.count());
        }
        for (SynthEvent e : SynthEvent.fromManifest(m)) {
            o.printf(Locale.ROOT, "  event %-20s %-16s %.2f..%.2f s%n", e.type(), e.trackId(),
                    (e.startNs() - m.startNs()) / 1e9, (e.endNs() - m.startNs()) / 1e9);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
