package io.avreplay.cli;

import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingJson;
import io.avreplay.eval.tracking.TrackingText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avreplay eval nuscenes-tracking}: nuScenes tracking metrics of a submission. */
@Command(name = "nuscenes-tracking",
        description = "nuScenes tracking (nuscenes-devkit 1.2.0, tracking_nips_2019, py-motmetrics 1.4.0): AMOTA, "
                + "AMOTP, recall, MOTAR, MOTA, MOTP, MT, ML, FAF, TP, FP, FN, IDS, FRAG, TID, LGD.")
final class EvalTrackingCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT.json",
            description = "Ground truth: {\"scenes\": [...], \"results\": [...]} with optional ego_poses and bike_racks.")
    Path gt;

    @Option(names = "--pred", required = true, paramLabel = "PRED.json",
            description = "The devkit's tracking submission: {\"meta\": ..., \"results\": {sample_token: [box]}}.")
    Path pred;

    @CommandLine.Mixin
    FormatOption format = new FormatOption();

    @Override
    public Integer call() {
        var r = new TrackingEvaluator(TrackingConfig.nips2019()).evaluateFiles(
                EvalCommand.existing(spec, gt, "--gt", false), EvalCommand.existing(spec, pred, "--pred", false));
        return EvalCommand.print(spec, format, r, TrackingText::write, TrackingJson::write);
    }
}
