package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.coco.CocoStat;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.run.RunJson;
import io.avreplay.perception.run.RunOptions;
import io.avreplay.perception.run.RunPipeline;
import io.avreplay.perception.run.RunResult;
import io.avreplay.replay.arrow.Checksums;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avreplay run}: replay logs through the detectors and score them against the logs' ground truth. */
@Command(name = "run", description = {"Replay logs as synced frame sets, run the lidar and camera detectors, write the "
                + "detections (Arrow, nuScenes submission JSON, COCO results JSON), track the lidar detections (tracking "
                + "submission JSON) and score them against the logs' ground truth (nuScenes detection and tracking "
                + "metrics for lidar, COCO for camera)."})
final class RunCommand extends FormattedCommand {
    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Log directories, replayed in order.")
    List<Path> logs;

    @Mixin
    ModelOptions models;

    @Mixin
    RunLoopOptions loop;

    @Option(names = "--out", defaultValue = "run-out", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}); "
            + "written into a temporary directory beside it and renamed into place when the run succeeds.")
    Path out;

    @Option(names = "--overwrite", description = "Replace an earlier run output at --out (never anything else).")
    boolean overwrite;

    @Mixin
    VerifyOption verify = new VerifyOption();

    @Override
    public Integer call() {
        RunResult r;
        try (ProgressReporter.Task progress = ProgressReporter.of(spec).task("logs")) {
            r = run(logs, out, overwrite, verify.checksums(), models, loop.runOptions(), progress,
                    spec.commandLine().getErr());
        }
        PrintWriter o = out();
        o.println(format.json() ? io.avreplay.eval.detection.ResultJson.write(RunJson.toTree(r)) : text(r));
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * Runs the main job with the models {@code models} names and publishes its output as {@code out};
     * {@code progress} hears the pipeline's progress lines.
     */
    static RunResult run(List<Path> logs, Path out, boolean overwrite, Checksums checksums, ModelOptions models,
            RunOptions options, ProgressListener progress, PrintWriter err) {
        return withPipeline(logs.size(), out, overwrite, checksums, models, options, progress, err,
                p -> p.run(logs, out, overwrite));
    }

    /** As {@link #run} over logs the caller has open (borrowed; {@code demo} reads its log once). */
    static RunResult runOpen(List<LogReader> logs, Path out, boolean overwrite, ModelOptions models, RunOptions options,
            ProgressListener progress, PrintWriter err) {
        return withPipeline(logs.size(), out, overwrite, Checksums.VERIFY, models, options, progress, err,
                p -> p.runOpen(logs, out, overwrite));
    }

    private static RunResult withPipeline(int logCount, Path out, boolean overwrite, Checksums checksums,
            ModelOptions models, RunOptions options, ProgressListener progress, PrintWriter err,
            Function<RunPipeline, RunResult> body) {
        OutputPublisher.check(out, RunPipeline.OUTPUT_KIND, overwrite);
        try (RootAllocator allocator = Allocators.root();
             Detector lidar = models.lidar(allocator, err).orElseThrow(
                     () -> new InvalidConfigException("--lidar-model: run needs a lidar model, got 'none'"));
             Detector camera = models.camera(allocator, err).orElse(null)) {
            int[] done = {0};
            return body.apply(new RunPipeline(lidar, Optional.ofNullable(camera), options, allocator,
                    line -> progress.step("run", ++done[0], logCount), checksums));
        }
    }

    static String text(RunResult r) {
        StringBuilder b = new StringBuilder();
        NuScenesResult n = r.lidar();
        b.append(String.format("logs       %s%n", String.join(", ", r.logIds())));
        b.append(String.format("lidar      %s: mAP %.4f  NDS %.4f  (nuScenes detection, detection_cvpr_2019)%n",
                r.models().get("lidar"), n.meanAp(), n.ndScore()));
        b.append(String.format("  %-22s %8s %8s %8s %8s%n", "class", "AP@0.5", "AP@1", "AP@2", "AP@4"));
        n.labelAps().forEach((cls, aps) -> b.append(String.format("  %-22s %8.4f %8.4f %8.4f %8.4f%n", cls,
                aps.get(0.5), aps.get(1.0), aps.get(2.0), aps.get(4.0))));
        b.append(RunTrackingText.write(r.tracking()));
        if (r.camera().isPresent()) {
            CocoResult c = r.camera().get();
            b.append(String.format("camera     %s: AP %.4f  AP50 %.4f  AP75 %.4f  (COCO bbox)%n", r.models().get("camera"),
                    c.stats().get(CocoStat.AP), c.stats().get(CocoStat.AP50), c.stats().get(CocoStat.AP75)));
            c.perCategory().values().forEach(a -> b.append(String.format("  %-22s AP %.4f  AP50 %.4f%n", a.name(), a.ap(),
                    a.ap50())));
        }
        var t = r.timing();
        b.append(String.format("timing     lidar %.1f ms/sweep (%d sweeps), camera %.1f ms/frame (%d frames), "
                + "%.1f s of log in %.1f s wall: %.2fx real time%n", t.lidarMsPerSweep(), t.sweeps(), t.cameraMsPerFrame(),
                t.cameraFrames(), t.logSeconds(), t.wallSeconds(), t.realtimeFactor()));
        b.append("outputs").append(System.lineSeparator());
        r.outputs().forEach((k, v) -> b.append(String.format("  %-20s %s%n", k, v)));
        return b.toString().stripTrailing();
    }
}
