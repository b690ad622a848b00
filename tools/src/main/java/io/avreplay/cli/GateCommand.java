package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.LogRoot;
import io.avreplay.scenario.synth.SynthRecipeGenerator;
import io.avreplay.scenario.render.BevWorstFrames;
import io.avreplay.scenario.ci.CatalogGate;
import io.avreplay.scenario.ci.DetectionResults;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ResultsDirectory;
import io.avreplay.scenario.ci.WorstFrames;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.SafetyScorer;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.report.ObjectTable;
import io.avreplay.scenario.report.ReportFiles;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.onnx.OnnxOptions;
import io.avreplay.scenario.ci.ModelDetectionResults;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avreplay gate}: score every catalogued scenario and check its gates. */
@Command(name = "gate", description = {"Score each scenario of a catalogue on its window and classes, check its gates (absolute "
                + "thresholds, and regressions against a baseline by a paired bootstrap over frames), print a summary "
                + "and write the reports asked for.",
            "CANDIDATE and BASELINE are directories of precomputed detections, one <logId>.json per log "
                + "(nuScenes-submission shaped, keyed by timestamp in ns, boxes in the ego frame).",
            "Gates: ap/map/nds (nuScenes), and with selectors [class, 0-30m, region, pts>=N, vis>=V]: ap, map, recall, "
                + "precision, frames[...].CRITERION(LEVEL), err[...].QUANTITY.STAT, max_miss_s, first_detect_s, "
                + "detected_share; see docs/writing-a-scenario-gate.md.",
            "Exits 0 when all gates pass, 1 when a gate failed or nothing was judged (no scenario, no gate, a window "
                + "without frames), 3 on bad input (nothing is written)."})
final class GateCommand implements Callable<Integer> {
    @Mixin
    GateOptions gate;

    @Option(names = "--objects", paramLabel = "DIR", description = "Write the drill-down object table of each scenario "
            + "here: <scenario>.objects.csv and <scenario>.objects.arrow (ground truth and detections with match status, "
            + "errors, distance and frame).")
    Optional<Path> objects;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BootstrapConfig bootstrap = gate.bootstrap();
        Catalog c = ScenariosCommand.reader().read(gate.catalog());
        GateRun run;
        List<Detector> models = new ArrayList<>();
        try (RootAllocator allocator = Allocators.root()) {
            try { // models close before the allocator: an exec model holds Arrow buffers
                DetectionResults cand = results("--candidate", gate.candidate(), allocator, models,
                        spec.commandLine().getErr());
                Optional<DetectionResults> base = gate.baseline().map(b -> results("--baseline", b, allocator, models,
                        spec.commandLine().getErr()));
                CatalogGate<SafetyScorer.Units> catalogGate = new CatalogGate<>(new SafetyScorer(),
                        new GateEvaluator(bootstrap), new LogRoot(gate.logs(),
                                Optional.of(new SynthRecipeGenerator(allocator))), new BevWorstFrames(allocator), allocator);
                GateRun done;
                try (ProgressReporter.Task progress = ProgressReporter.of(spec).task("scenarios")) {
                    done = catalogGate.run(c, cand, base, progress);
                }
                run = done;
                objects.ifPresent(dir -> done.scenarios().forEach(s -> {
                    ReportFiles.write(dir.resolve(s.id() + ".objects.csv"), ObjectTable.csv(s));
                    ObjectTable.writeArrow(s, dir.resolve(s.id() + ".objects.arrow"), allocator);
                }));
            } finally {
                models.forEach(Detector::close);
            }
        }
        return gate.report(run, "avreplay gate", spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * {@code default}: the shipped lidar model, run on every scenario's log; a model directory (with
     * {@code card.json}): that model; otherwise a directory of precomputed detections.
     */
    private static DetectionResults results(String option, String value, RootAllocator allocator, List<Detector> opened,
            PrintWriter err) {
        if (ModelOptions.namesModel(value)) {
            Detector d = ModelOptions.resolve(option, value, ModelTask.LIDAR_3D, OnnxOptions.defaults(), allocator, err)
                    .orElseThrow();
            opened.add(d);
            return new ModelDetectionResults(d, allocator, "model " + d.card().name() + " ("
                    + value + ", " + d.card().backend().kind() + ")");
        }
        Path p = Path.of(value);
        if (!Files.isDirectory(p)) {
            throw new InvalidConfigException(option + ": " + value + " is neither 'default', a model directory nor a "
                    + "results directory");
        }
        return new ResultsDirectory(p);
    }
}
