package io.avreplay.cli;

import io.avreplay.error.InvalidConfigException;
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
import picocli.CommandLine.Option;

/**
 * The options of a catalogue gate, shared by {@code avreplay gate} and {@code avreplay fleet gate}
 * (the catalogue, the log root, the candidate and baseline, the bootstrap and the reports), and the one
 * place where a {@link GateRun} becomes reports, a summary on stdout and an exit code. Public so that the
 * fleet module's command mixes in the same options. Not thread-safe (picocli fills the fields).
 */
public final class GateOptions {
    @Option(names = "--catalog", required = true, paramLabel = "CATALOG", description = "Catalogue directory or file.")
    Path catalog;

    @Option(names = "--logs", required = true, paramLabel = "ROOT", description = "Log root (recipe logs cached here).")
    Path logs;

    @Option(names = "--candidate", required = true, paramLabel = "MODEL_OR_RESULTS",
            description = "'default' (the shipped lidar model), a model directory (card.json + model.zip), or a "
                    + "directory of precomputed detections (<log_id>.json each).")
    String candidate;

    @Option(names = "--baseline", paramLabel = "MODEL_OR_RESULTS", description = "Baseline, as --candidate.")
    Optional<String> baseline = Optional.empty();

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML here.")
    Optional<Path> junit = Optional.empty();

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a Markdown summary here.")
    Optional<Path> markdown = Optional.empty();

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report here.")
    Optional<Path> html = Optional.empty();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON here.")
    Optional<Path> json = Optional.empty();

    @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default 1000).")
    int resamples;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence level of the CI (default 0.95).")
    double confidence;

    @Option(names = "--seed", defaultValue = "20240607", description = "Bootstrap seed (default 20240607).")
    long seed;

    /** @return the {@code --catalog} path */
    public Path catalog() {
        return catalog;
    }

    /** @return the {@code --logs} root */
    public Path logs() {
        return logs;
    }

    /** @return the {@code --candidate} value */
    public String candidate() {
        return candidate;
    }

    /** @return the {@code --baseline} value, if given */
    public Optional<String> baseline() {
        return baseline;
    }

    /**
     * @return the paired bootstrap's settings
     * @throws InvalidConfigException when {@code --resamples} or {@code --confidence} is out of range
     */
    public BootstrapConfig bootstrap() {
        try {
            return new BootstrapConfig(resamples, confidence, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("--resamples/--confidence: " + e.getMessage());
        }
    }

    /**
     * Writes the reports asked for, prints the summary (a PASS/FAIL line per scenario, one per gate, the
     * catalogue's problems, a total) on {@code out} and the first problem, if any, on {@code err} after
     * {@code command}'s name.
     *
     * @param command the command's name for {@code err}, e.g. {@code avreplay gate}
     * @return {@link ExitCodes#FAILED} when the run failed, else {@link ExitCodes#OK}
     */
    public int report(GateRun run, String command, PrintWriter out, PrintWriter err) {
        junit.ifPresent(f -> ReportFiles.write(f, JunitXmlReport.render(run)));
        markdown.ifPresent(f -> ReportFiles.write(f, MarkdownReport.render(run)));
        html.ifPresent(f -> ReportFiles.write(f, HtmlReport.render(run)));
        json.ifPresent(f -> ReportFiles.write(f, JsonReport.render(run)));
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
            err.println(command + ": " + run.problems().get(0));
            err.flush();
        }
        return run.failed() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
