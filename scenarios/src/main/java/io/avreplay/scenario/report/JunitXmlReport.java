package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML in the shape Jenkins and GitLab read (the Jenkins {@code junit-10.xsd} structure):
 * {@code testsuites} with {@code tests}, {@code failures}, {@code errors} and
 * {@code time}; one {@code testsuite} per scenario with {@code timestamp} (run start, UTC) and {@code time}
 * (seconds spent on it); one {@code testcase} per gate (classname = scenario id, name = gate expression,
 * time = the scenario's time shared evenly). Failing gates carry a {@code failure}; regression gates
 * without baseline are {@code skipped}. A scenario without gates gets one passing test case, so every
 * scenario shows; a scenario without scored frames, and a run that checked nothing, get an {@code error}
 * test case naming the problem, so such a run is never green. Pure.
 */
public final class JunitXmlReport {
    private JunitXmlReport() {
    }

    public static String render(GateRun run) {
        StringBuilder body = new StringBuilder();
        int tests = 0;
        long failures = 0;
        long errors = 0;
        double total = 0;
        for (ScenarioOutcome s : run.scenarios()) {
            long f = s.gates().stream().filter(GateResult::failed).count();
            long sk = s.gates().stream().filter(g -> g.verdict() == Verdict.SKIPPED).count();
            int err = s.frames() == 0 ? 1 : 0;
            int n = Math.max(1, s.gates().size()) + err;
            tests += n;
            failures += f;
            errors += err;
            total += s.seconds();
            double each = s.seconds() / n;
            body.append("  <testsuite name=\"").append(x(s.id())).append("\" tests=\"").append(n)
                    .append("\" failures=\"").append(f).append("\" errors=\"").append(err).append("\" skipped=\"")
                    .append(sk).append("\" time=\"").append(secs(s.seconds())).append("\" timestamp=\"")
                    .append(run.startedAt()).append("\">\n");
            if (err > 0) {
                body.append("    <testcase classname=\"").append(x(s.id())).append("\" name=\"frames scored\" time=\"")
                        .append(secs(each)).append("\">\n      <error message=\"no annotated frame in the window: nothing "
                        + "judged\" type=\"NothingJudged\"/>\n    </testcase>\n");
            }
            if (s.gates().isEmpty()) {
                body.append("    <testcase classname=\"").append(x(s.id())).append("\" name=\"scored (no gates)\" time=\"")
                        .append(secs(each)).append("\"/>\n");
            }
            for (GateResult g : s.gates()) {
                testcase(body, s, g, each);
            }
            body.append("  </testsuite>\n");
        }
        List<String> runProblems = run.scenarios().isEmpty() || run.scenarios().stream().allMatch(s -> s.gates().isEmpty())
                ? run.problems() : List.of();
        if (!runProblems.isEmpty()) {
            tests += 1;
            errors += 1;
            body.append("  <testsuite name=\"catalogue\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" "
                    + "time=\"0.000\" timestamp=\"").append(run.startedAt()).append("\">\n    <testcase classname=\"catalogue\" "
                    + "name=\"catalogue checked\" time=\"0.000\">\n      <error message=\"").append(x(runProblems.get(0)))
                    .append("\" type=\"NothingJudged\"/>\n    </testcase>\n  </testsuite>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"avreplay gate\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" time=\""
                + secs(total) + "\">\n" + body + "</testsuites>\n";
    }

    private static void testcase(StringBuilder b, ScenarioOutcome s, GateResult g, double seconds) {
        b.append("    <testcase classname=\"").append(x(s.id())).append("\" name=\"").append(x(g.gate().expression()))
                .append("\" time=\"").append(secs(seconds)).append("\"");
        if (g.verdict() == Verdict.PASS) {
            b.append(">\n      <system-out>").append(x(g.reason())).append("</system-out>\n    </testcase>\n");
        } else if (g.verdict() == Verdict.SKIPPED) {
            b.append(">\n      <skipped message=\"").append(x(g.reason())).append("\"/>\n    </testcase>\n");
        } else {
            b.append(">\n      <failure message=\"").append(x(g.reason())).append("\" type=\"GateFailed\">")
                    .append(x(s.title() + ": " + g.reason())).append("</failure>\n    </testcase>\n");
        }
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String x(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
