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
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.ci.WorstFrames;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.SafetyScorer;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.report.HtmlReport;
import io.avreplay.scenario.report.JsonReport;
import io.avreplay.scenario.report.JunitXmlReport;
import io.avreplay.scenario.report.MarkdownReport;
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
    @Option(names = "--catalog", required = true, paramLabel = "CATALOG", description = "Catalogue directory or file.")
    Path catalog;

    @Option(names = "--logs", required = true, paramLabel = "ROOT", description = "Log root (recipe logs cached here).")
    Path logs;

    @Option(names = "--candidate", required = true, paramLabel = "MODEL_OR_RESULTS",
            description = "'default' (the shipped lidar model), a model directory (card.json + model.zip), or a "
                    + "directory of precomputed detections (<log_id>.json each).")
    String candidate;

    @Option(names = "--baseline", paramLabel = "MODEL_OR_RESULTS", description = "Baseline, as --candidate.")
    Optional<String> baseline;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here.")
    Optional<Path> junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown summary here.")
    Optional<Path> markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report here.")
    Optional<Path> html;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON here.")
    Optional<Path> json;

    @Option(names = "--objects", paramLabel = "DIR", description = "Write the drill-down object table of each scenario "
            + "here: <scenario>.objects.csv and <scenario>.objects.arrow (ground truth and detections with match status, "
            + "errors, distance and frame).")
    Optional<Path> objects;

    @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default 1000).")
    int resamples;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence level of the CI (default 0.95).")
    double confidence;

    @Option(names = "--seed", defaultValue = "20240607", description = "Bootstrap seed (default 20240607).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BootstrapConfig bootstrap;
        try {
            bootstrap = new BootstrapConfig(resamples, confidence, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("--resamples/--confidence: " + e.getMessage());
        }
        Catalog c = ScenariosCommand.reader().read(catalog);
        GateRun run;
        List<Detector> models = new ArrayList<>();
        try (RootAllocator allocator = Allocators.root()) {
            try { // models close before the allocator: an exec model holds Arrow buffers
                DetectionResults cand = results("--candidate", candidate, allocator, models, spec.commandLine().getErr());
                Optional<DetectionResults> base = baseline.map(b -> results("--baseline", b, allocator, models,
                        spec.commandLine().getErr()));
                CatalogGate<SafetyScorer.Units> gate = new CatalogGate<>(new SafetyScorer(),
                        new GateEvaluator(bootstrap), new LogRoot(logs, Optional.of(new SynthRecipeGenerator(allocator))),
                        new BevWorstFrames(allocator), allocator);
                GateRun done;
                try (ProgressReporter.Task progress = ProgressReporter.of(spec).task("scenarios")) {
                    done = gate.run(c, cand, base, progress);
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
        junit.ifPresent(f -> ReportFiles.write(f, JunitXmlReport.render(run)));
        markdown.ifPresent(f -> ReportFiles.write(f, MarkdownReport.render(run)));
        html.ifPresent(f -> ReportFiles.write(f, HtmlReport.render(run)));
        json.ifPresent(f -> ReportFiles.write(f, JsonReport.render(run)));
        PrintWriter out = spec.commandLine().getOut();
        for (ScenarioOutcome s : run.scenarios()) {
            out.printf("%-4s %s (%d frames)%n", s.failed() ? "FAIL" : "PASS", s.id(), s.frames());
            for (GateResult g : s.gates()) {
                out.printf("     %-7s %-28s %s%n", g.verdict(), g.gate().expression(), g.reason());
            }
        }
        long failed = run.scenarios().stream().filter(ScenarioOutcome::failed).count();
        run.problems().forEach(p -> out.println("FAIL " + p));
        out.println(!run.failed() ? "all gates pass (" + run.scenarios().size() + " scenarios)"
                : failed + " of " + run.scenarios().size() + " scenarios failed");
        out.flush();
        if (!run.problems().isEmpty()) {
            spec.commandLine().getErr().println("avreplay gate: " + run.problems().get(0));
            spec.commandLine().getErr().flush();
        }
        return run.failed() ? ExitCodes.FAILED : ExitCodes.OK;
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
