package io.avreplay.cli;

import io.avreplay.eval.av2.Av2Config;
import io.avreplay.eval.av2.Av2Evaluator;
import io.avreplay.eval.av2.Av2Json;
import io.avreplay.eval.av2.Av2Result;
import io.avreplay.eval.av2.Av2Text;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avreplay eval av2}: Argoverse 2 3D detection metrics. */
@Command(name = "av2",
        description = {"Argoverse 2 3D detection (av2-api 0.3.6, ROI filtering off): AP, ATE, ASE, AOE and CDS per "
                + "category and their mean. Tables are Feather (as av2 stores them) or .csv.",
            "GT: annotations (log_id, timestamp_ns, category, tx_m..qz, num_interior_pts); PRED: detections (the same "
                + "columns with score instead of num_interior_pts)."})
final class EvalAv2Command extends FormattedCommand {
    @CommandLine.Mixin
    EvalInputs in;

    @Option(names = "--categories", split = ",", paramLabel = "CAT",
            description = "Evaluate only these categories (default: av2's 26; absent ones count in the means).")
    List<String> categories;

    @Override
    public Integer call() {
        Av2Config cfg = categories == null ? Av2Config.defaults() : Av2Config.defaults().withCategories(categories);
        Av2Result r;
        try (var allocator = Allocators.root()) {
            r = new Av2Evaluator(cfg).evaluateFiles(in.gt(spec, false), in.pred(spec, false), allocator);
        }
        return print(r, Av2Text::write, Av2Json::write);
    }
}
