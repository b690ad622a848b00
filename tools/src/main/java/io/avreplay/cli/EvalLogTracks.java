package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.log.LogTracking;
import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingJson;
import io.avreplay.eval.tracking.TrackingResult;
import io.avreplay.eval.tracking.TrackingText;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** {@code avreplay eval log LOG --pred TRACKS.json --tracks}: nuScenes tracking metrics against a log's own ground truth. */
final class EvalLogTracks {
    private EvalLogTracks() {
    }

    static int score(CommandLine.Model.CommandSpec spec, Path log, Path pred, Path config, FormatOption format,
            io.avreplay.replay.arrow.Checksums checksums) {
        if (config != null) {
            throw new InvalidConfigException("--config configures detection metrics; with --tracks the configuration is "
                    + "tracking_nips_2019");
        }
        EvalCommand.existing(spec, log, "LOG", true);
        TrackingConfig cfg = TrackingConfig.nips2019();
        LogTracking.Converted gt;
        try (var allocator = Allocators.root(); LogReader reader = LogReader.open(log, allocator, checksums)) {
            gt = LogTracking.read(reader, cfg);
        }
        var predictions = TrackingEvaluator.readPredictions(EvalCommand.existing(spec, pred, "--pred", false),
                cfg.maxBoxesPerSample());
        TrackingEvaluator ev = new TrackingEvaluator(cfg);
        TrackingResult r = ev.score(ev.accumulate(gt.groundTruth(), predictions), new EvalProvenance("nuscenes-tracking",
                cfg.name(), List.of(log.toString(), pred.toString()), ToolVersion.current()));
        if (gt.skippedBoxes() > 0) {
            spec.commandLine().getErr().println("avreplay eval log: " + gt.skippedBoxes()
                    + " ground-truth boxes have no nuScenes tracking class (e.g. barriers, cones) and were left out");
        }
        return EvalCommand.print(spec, format, r, TrackingText::write, TrackingJson::write);
    }
}
