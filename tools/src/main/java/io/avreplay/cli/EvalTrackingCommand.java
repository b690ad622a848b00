package io.avreplay.cli;

import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingJson;
import io.avreplay.eval.tracking.TrackingText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code avreplay eval nuscenes-tracking}: nuScenes tracking metrics of a submission. */
@Command(name = "nuscenes-tracking",
        description = {"nuScenes tracking (nuscenes-devkit 1.2.0, tracking_nips_2019, py-motmetrics 1.4.0): AMOTA, "
                + "AMOTP, recall, MOTAR, MOTA, MOTP, MT, ML, FAF, TP, FP, FN, IDS, FRAG, TID, LGD.",
            "GT: {\"scenes\": [...], \"results\": [...]} with optional ego_poses and bike_racks (JSON); PRED: the "
                + "devkit's tracking submission {\"meta\": ..., \"results\": {sample_token: [box]}}."})
final class EvalTrackingCommand extends FormattedCommand {
    @CommandLine.Mixin
    EvalInputs in;

    @Override
    public Integer call() {
        var r = new TrackingEvaluator(TrackingConfig.nips2019()).evaluateFiles(in.gt(spec, false), in.pred(spec, false));
        return print(r, TrackingText::write, TrackingJson::write);
    }
}
