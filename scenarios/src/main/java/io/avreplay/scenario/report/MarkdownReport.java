package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import java.util.Locale;

/** A Markdown summary for pull-request comments: verdict, then one table row per scenario gate. Pure. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(GateRun run) {
        long failed = run.scenarios().stream().filter(ScenarioOutcome::failed).count();
        StringBuilder b = new StringBuilder("## avreplay gate: ")
                .append(failed == 0 ? "all gates pass" : failed + " of " + run.scenarios().size() + " scenarios failing")
                .append("\n\n");
        b.append("Candidate `").append(run.candidate()).append('`');
        if (!run.baseline().isEmpty()) {
            b.append(", baseline `").append(run.baseline()).append('`');
        }
        b.append(String.format(Locale.ROOT, ". Scorer %s; regressions by paired bootstrap over frames (%d resamples, "
                + "%.0f%% CI, seed %d).%n%n", run.scorer(), run.bootstrap().resamples(), 100 * run.bootstrap().confidence(),
                run.bootstrap().seed()));
        b.append("| | Scenario | Gate | Candidate | Baseline | Δ | CI of Δ | Reason |\n");
        b.append("|---|---|---|---:|---:|---:|---|---|\n");
        for (ScenarioOutcome s : run.scenarios()) {
            for (GateResult g : s.gates()) {
                b.append("| ").append(switch (g.verdict()) {
                    case PASS -> "✅";
                    case FAIL -> "❌";
                    case SKIPPED -> "⏭️";
                }).append(" | ").append(cell(s.id())).append(" | `").append(g.gate().expression()).append("` | ")
                        .append(Numbers.f(g.candidate())).append(" | ").append(Numbers.f(g.baseline())).append(" | ")
                        .append(Numbers.signed(g.difference())).append(" | ").append(Numbers.ci(g.ciLow(), g.ciHigh()))
                        .append(" | ").append(cell(g.reason())).append(" |\n");
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
