package io.avreplay.cli;

import io.avreplay.replay.time.DurationGrammar;
import io.avreplay.perception.run.RunOptions;
import io.avreplay.perception.run.RunResult;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.inspect.LogSummary;
import io.avreplay.replay.inspect.LogValidator;
import io.avreplay.replay.inspect.Problem;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.play.Replay;
import io.avreplay.replay.play.ReplayIterator;
import io.avreplay.replay.play.ReplaySummary;
import io.avreplay.replay.sync.FrameSet;
import io.avreplay.replay.sync.SyncOptions;
import io.avreplay.scenario.render.LogRenderer;
import io.avreplay.scenario.synth.Presets;
import io.avreplay.scenario.synth.SynthOptions;
import io.avreplay.scenario.synth.Synthesizer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avreplay demo}: the main job on the bundled default data. Synthesizes the default log (once;
 * kept at {@code OUT/log}), shows and validates it, replays it as synced frame sets, runs the shipped
 * lidar and camera detectors, scores them (nuScenes and COCO) and renders a camera frame and a bird's-eye
 * view with the ground truth, then prints where everything is. The log is opened once: every step reads
 * that one reader.
 */
@Command(name = "demo", description = {"Run the main job on the bundled default data: synthesize the default log if absent "
                + "(kept at OUT/log), info, validate, replay, run the shipped detectors, score, render, and print "
                + "where the results are."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--preset", defaultValue = "urban-intersection", description = "Synthesizer preset of the default log (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--seed", defaultValue = "7", description = "Synthesizer seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duration", defaultValue = "20s", description = "Log duration (default ${DEFAULT-VALUE}).")
    String duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Path log = out.resolve("log");
        Files.createDirectories(out);
        try (RootAllocator allocator = Allocators.root()) {
            step(o, 1, "default log");
            if (Files.exists(log.resolve(LogManifest.FILE_NAME))) {
                o.println("  reusing " + log);
            } else {
                long ns = DurationGrammar.parseNs("--duration", duration);
                long t = System.nanoTime();
                Synthesizer.generate(Presets.load(preset), seed, ns, SynthOptions.defaults(), log, allocator);
                o.printf("  synthesized preset %s, seed %d, %s in %.1f s -> %s%n", preset, seed, duration,
                        (System.nanoTime() - t) / 1e9, log);
            }
            try (LogReader reader = LogReader.open(log, allocator)) { // the one open of the log: every step reads it
                return steps(o, reader, allocator);
            }
        }
    }

    /** Steps 2 to 6 on the open log, then where the results are; the exit code. */
    private int steps(PrintWriter o, LogReader reader, RootAllocator allocator) {
        Path log = reader.directory();
        step(o, 2, "avreplay info " + log);
        o.println(indent(InfoCommand.toText(LogSummary.of(reader))));
        step(o, 3, "avreplay validate " + log);
        List<Problem> problems = LogValidator.validate(reader);
        o.println(problems.isEmpty() ? "  OK: no problems" : "  " + problems.size() + " problems, first: " + problems.get(0));
        if (!problems.isEmpty()) {
            return ExitCodes.FAILED;
        }
        step(o, 4, "avreplay replay --sync " + log);
        replay(o, reader, allocator);
        step(o, 5, "avreplay run " + log + " --out " + out.resolve("results"));
        RunResult r;
        try (ProgressReporter.Task progress = ProgressReporter.of(spec).task("logs")) {
            r = RunCommand.runOpen(List.of(reader), out.resolve("results"), true, new ModelOptions(),
                    RunOptions.defaults(), progress, spec.commandLine().getErr());
        }
        o.println(indent(RunCommand.text(r)));
        step(o, 6, "avreplay render " + log + " --at 2s --run " + out.resolve("results") + " --out " + out.resolve("render"));
        List<Path> pngs = LogRenderer.render(reader, 2_000_000_000L, out.resolve("render"), true,
                java.util.Optional.of(io.avreplay.scenario.overlay.RunDetections.read(out.resolve("results"), allocator)
                        .withMinScore(io.avreplay.scenario.overlay.RunDetections.DEFAULT_MIN_SCORE)));
        pngs.forEach(p -> o.println("  " + p));
        o.println();
        o.println("Done. Results are in " + out.toAbsolutePath().normalize() + ":");
        o.println("  log/                        the synthesized log (Arrow IPC files + log.json; see docs/log-format.md)");
        o.println("  results/metrics.json        nuScenes (lidar) and COCO (camera) scores, timing, provenance");
        o.println("  results/nuscenes_submission.json, results/coco_results.json, results/detections_*.arrow");
        o.println("  render/*.png                a camera frame and bev.png: detections against ground truth (TP/FP/missed)");
        o.println("Next: avreplay scenarios list scenarios/catalog, avreplay gate --help, avreplay --help");
        o.flush();
        return ExitCodes.OK;
    }

    private static void replay(PrintWriter o, LogReader log, RootAllocator allocator) {
        long sets = 0;
        long missing = 0;
        ReplaySummary summary;
        try (Replay replay = Replay.builder(allocator).log(log).build();
             ReplayIterator<FrameSet> it = replay.frameSets(SyncOptions.defaults())) {
            while (it.hasNext()) {
                FrameSet s = it.next();
                sets++;
                missing += s.missingCameras().size();
            }
            summary = it.summary();
        }
        o.printf("  %d frame sets (lidar-referenced, cameras within 50 ms), %d missing camera frames, %.2f s wall%n",
                sets, missing, summary.wallNs() / 1e9);
        summary.framesPerStream().forEach((k, v) -> o.printf("  %-28s %d frames%n", k, v));
    }

    private static void step(PrintWriter o, int n, String what) {
        o.printf("%n[%d/6] %s%n", n, what);
        o.flush();
    }

    private static String indent(String s) {
        return "  " + s.replace("\n", "\n  ");
    }
}
