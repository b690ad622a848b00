package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.coco.CocoEvaluator;
import io.avreplay.eval.coco.CocoJson;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.coco.CocoText;
import io.avreplay.eval.kitti.KittiEvaluator;
import io.avreplay.eval.kitti.KittiJson;
import io.avreplay.eval.kitti.KittiResult;
import io.avreplay.eval.kitti.KittiText;
import io.avreplay.eval.log.LogEvaluation;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesJson;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.eval.nuscenes.NuScenesText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avreplay eval}: detection and tracking metrics with reference parity (nuScenes, COCO, KITTI, AV2). */
@Command(name = "eval", description = "Score detections against ground truth with the public benchmarks' exact rules.",
        subcommands = {EvalCommand.NuScenes.class, EvalCommand.Coco.class, EvalCommand.Kitti.class,
            EvalCommand.Log.class, EvalTrackingCommand.class, EvalAv2Command.class})
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: nuscenes, coco, kitti, log, nuscenes-tracking or av2");
    }

    static <R> int print(CommandLine.Model.CommandSpec spec, FormatOption format, R result, Function<R, String> text,
            Function<R, String> json) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.json() ? json.apply(result) + System.lineSeparator() : text.apply(result));
        out.flush();
        return ExitCodes.OK;
    }

    static Path existing(CommandLine.Model.CommandSpec spec, Path p, String option, boolean directory) {
        if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + (Files.exists(p)
                    ? "not a " + (directory ? "directory" : "regular file") : "no such " + (directory ? "directory" : "file"))
                    + ": " + p);
        }
        return p;
    }

    /** {@code avreplay eval nuscenes}. */
    @Command(name = "nuscenes", description = {"nuScenes detection (nuscenes-devkit 1.2.0, detection_cvpr_2019): mAP, TP "
                + "errors, NDS.",
            "GT: {\"results\": ...} with optional ego_poses and bike_racks (JSON); PRED: predictions in the nuScenes "
                + "submission shape."})
    static final class NuScenes extends FormattedCommand {
        @CommandLine.Mixin
        EvalInputs in;

        @Option(names = "--config", paramLabel = "CFG.json",
                description = "Configuration overriding detection_cvpr_2019 keys (e.g. class_range for a subset).")
        Path config;

        @Override
        public Integer call() {
            NuScenesResult r = new NuScenesEvaluator(config(config)).evaluateFiles(in.gt(spec, false), in.pred(spec, false));
            return print(r, NuScenesText::write, NuScenesJson::write);
        }
    }

    static NuScenesConfig config(Path config) {
        if (config == null) {
            return NuScenesConfig.cvpr2019();
        }
        if (!Files.isRegularFile(config)) {
            throw new InvalidConfigException("--config: no such file: " + config);
        }
        return NuScenesConfig.fromFile(config);
    }

    /** {@code avreplay eval log}: nuScenes metrics of predictions against a log's own 3D ground truth. */
    @Command(name = "log", description = {"nuScenes detection (or, with --tracks, tracking) metrics of predictions "
                + "against a log's own 3D ground truth.",
                "Sample tokens are <log_id>-<timestamp_ns> of each annotated timestamp (the original token for "
                        + "logs imported from nuScenes), as `avreplay export nuscenes` writes them; boxes in the "
                        + "world frame."})
    static final class Log extends FormattedCommand {
        @CommandLine.Parameters(index = "0", paramLabel = "LOG", description = "Log directory.")
        Path log;

        @Option(names = "--pred", required = true, paramLabel = "DETECTIONS.json",
                description = "Predictions in the nuScenes submission shape.")
        Path pred;

        @Option(names = "--config", paramLabel = "CFG.json", description = "Configuration overriding detection_cvpr_2019 keys.")
        Path config;

        @Option(names = "--tracks", description = "--pred is the devkit's tracking submission (tracking_id, tracking_name, "
                + "tracking_score): score nuScenes tracking metrics (tracking_nips_2019), one scene per log.")
        boolean tracks;

        @CommandLine.Mixin
        VerifyOption verify = new VerifyOption();

        @Override
        public Integer call() {
            if (tracks) {
                return EvalLogTracks.score(spec, log, pred, config, format, verify.checksums());
            }
            NuScenesConfig cfg = config(config);
            LogEvaluation.Outcome o;
            try (var allocator = Allocators.root();
                 var reader = io.avreplay.replay.arrow.LogReader.open(log, allocator, verify.checksums())) {
                var predictions = NuScenesEvaluator.readPredictions(existing(spec, pred, "--pred", false));
                o = LogEvaluation.score(reader, predictions, cfg, java.util.List.of(log.toString(), pred.toString()));
            }
            if (o.skippedBoxes() > 0) {
                spec.commandLine().getErr().println("avreplay eval log: " + o.skippedBoxes()
                        + " ground-truth boxes have no nuScenes class (e.g. potholes) and were left out");
            }
            return print(o.result(), NuScenesText::write, NuScenesJson::write);
        }
    }

    /** {@code avreplay eval coco}. */
    @Command(name = "coco", description = "COCO bbox (pycocotools 2.0 COCOeval): the 12 summary statistics and per-category AP.")
    static final class Coco extends FormattedCommand {
        @Option(names = "--gt", required = true, paramLabel = "instances.json", description = "COCO instances file.")
        Path gt;

        @Option(names = "--dt", required = true, paramLabel = "results.json", description = "COCO results file.")
        Path dt;

        @Override
        public Integer call() {
            CocoResult r = new CocoEvaluator().evaluateFiles(existing(spec, gt, "--gt", false),
                    existing(spec, dt, "--dt", false));
            return print(r, CocoText::write, CocoJson::write);
        }
    }

    /** {@code avreplay eval kitti}. */
    @Command(name = "kitti", description = {"KITTI object (official devkit): AP|R40 and AP|R11 for 2D, AOS, BEV and 3D.",
            "GT: a directory of label_2 files; PRED: a directory of detection files (label_2 format plus a score)."})
    static final class Kitti extends FormattedCommand {
        @CommandLine.Mixin
        EvalInputs in;

        @Override
        public Integer call() {
            KittiResult r = new KittiEvaluator().evaluateDirectories(in.gt(spec, true), in.pred(spec, true));
            return print(r, KittiText::write, KittiJson::write);
        }
    }
}
