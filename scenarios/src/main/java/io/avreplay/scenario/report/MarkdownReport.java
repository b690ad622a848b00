package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.scoring.ObjectTimeline;
import io.avreplay.scenario.scoring.ScoringDetail;
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
        for (String p : run.problems()) {
            b.append("\n**❌ ").append(cell(p)).append("**\n");
        }
        for (ScenarioOutcome s : run.scenarios()) {
            details(b, s);
        }
        return b.toString();
    }

    /** Per-bin results, criterion frame counts and the worst objects of one scenario, collapsed. */
    private static void details(StringBuilder b, ScenarioOutcome s) {
        ScoringDetail d = s.detail();
        if (d.bins().isEmpty()) {
            return;
        }
        b.append("\n<details><summary>").append(cell(s.id())).append(": by distance, criteria, worst objects</summary>\n\n");
        b.append("| Class | Distance | Truth | Recall | Precision | AP@2m |\n|---|---|---:|---:|---:|---:|\n");
        for (ScoringDetail.BinRow r : d.bins()) {
            b.append("| ").append(r.className()).append(" | ").append(SafetyHtml.binLabel(r.bin())).append(" | ")
                    .append(r.truth()).append(" | ").append(Numbers.f(r.recall())).append(" | ")
                    .append(Numbers.f(r.precision())).append(" | ").append(Numbers.f(r.ap())).append(" |\n");
        }
        if (!d.criteria().isEmpty()) {
            b.append("\n| Criterion | Passing | Failing | Pass rate | Not judged | Empty |\n|---|---:|---:|---:|---:|---:|\n");
            for (ScoringDetail.CriterionRow r : d.criteria()) {
                b.append("| `").append(r.gate()).append("` | ").append(r.passed()).append(" | ").append(r.failed())
                        .append(" | ").append(Numbers.percent(r.passRate())).append(" | ").append(r.notJudged())
                        .append(" | ").append(r.empty()).append(" |\n");
            }
        }
        for (ScoringDetail.TimelineView v : d.timelines()) {
            b.append("\nWorst objects, ").append(cell(v.title())).append(":\n\n| Object | Class | First seen | Detected "
                    + "| Longest miss | To first detection |\n|---|---|---:|---:|---:|---:|\n");
            for (ObjectTimeline t : v.objects().subList(0, Math.min(5, v.objects().size()))) {
                b.append("| ").append(cell(t.trackId())).append(" | ").append(t.category()).append(" | ")
                        .append(Numbers.seconds((t.firstSeenNs() - s.logStartNs()) / 1e9)).append(" | ")
                        .append(Numbers.percent(t.detectedShare())).append(" | ").append(Numbers.seconds(t.longestMissS()))
                        .append(" | ").append(Numbers.seconds(t.firstDetectS())).append(" |\n");
            }
        }
        b.append("\n</details>\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
