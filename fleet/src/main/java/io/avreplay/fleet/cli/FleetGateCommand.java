package io.avreplay.fleet.cli;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.fleet.job.FleetGate;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.BootstrapConfig;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.report.HtmlReport;
import io.avreplay.scenario.report.JsonReport;
import io.avreplay.scenario.report.JunitXmlReport;
import io.avreplay.scenario.report.MarkdownReport;
import io.avreplay.scenario.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avreplay fleet gate}: {@code avreplay gate} with one Spark task per scenario; same reports, same output. */
@Command(name = "gate", description = {"Score each scenario of a catalogue in its own Spark task, check its gates (absolute "
        + "thresholds, and regressions against a baseline by a paired bootstrap over frames), print the summary "
        + "avreplay gate prints and write the reports asked for.",
    "Exits 0 when all gates pass, 1 when a gate failed, 3 on bad input (nothing is written)."})
final class FleetGateCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, paramLabel = "CATALOG", description = "Catalogue directory or file.")
    Path catalog;

    @Option(names = "--logs", required = true, paramLabel = "ROOT", description = "Log root (recipe logs cached here).")
    Path logs;

    @Option(names = "--candidate", required = true, paramLabel = "MODEL_OR_RESULTS",
            description = "'default', a model directory, or a directory of precomputed detections (<log_id>.json each).")
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

    @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default 1000).")
    int resamples;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence level of the CI (default 0.95).")
    double confidence;

    @Option(names = "--seed", defaultValue = "20240607", description = "Bootstrap seed (default 20240607).")
    long seed;

    @Mixin
    SparkOptions spark;

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
        GateRun run;
        try (JavaSparkContext sc = spark.context("avreplay fleet gate")) {
            run = FleetGate.run(sc, new FleetGate.Job(catalog, logs, candidate, baseline, bootstrap));
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
            spec.commandLine().getErr().println("avreplay fleet gate: " + run.problems().get(0));
            spec.commandLine().getErr().flush();
        }
        return run.failed() ? FleetCli.FAILED : FleetCli.OK;
    }
}
