package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.Verdict;

/**
 * JUnit XML: one {@code testsuite} per scenario, one {@code testcase} per gate (classname = scenario id,
 * name = gate expression); failing gates carry a {@code failure}, regression gates without baseline are
 * {@code skipped}. A scenario without gates gets one passing test case, so every scenario shows. Pure.
 */
public final class JunitXmlReport {
    private JunitXmlReport() {
    }

    public static String render(GateRun run) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = run.scenarios().stream().mapToInt(s -> Math.max(1, s.gates().size())).sum();
        long failures = run.scenarios().stream().flatMap(s -> s.gates().stream()).filter(GateResult::failed).count();
        b.append("<testsuites name=\"avreplay gate\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\">\n");
        for (ScenarioOutcome s : run.scenarios()) {
            long f = s.gates().stream().filter(GateResult::failed).count();
            long sk = s.gates().stream().filter(g -> g.verdict() == Verdict.SKIPPED).count();
            b.append("  <testsuite name=\"").append(x(s.id())).append("\" tests=\"").append(Math.max(1, s.gates().size()))
                    .append("\" failures=\"").append(f).append("\" skipped=\"").append(sk).append("\">\n");
            if (s.gates().isEmpty()) {
                b.append("    <testcase classname=\"").append(x(s.id())).append("\" name=\"scored (no gates)\"/>\n");
            }
            for (GateResult g : s.gates()) {
                b.append("    <testcase classname=\"").append(x(s.id())).append("\" name=\"")
                        .append(x(g.gate().expression())).append("\"");
                if (g.verdict() == Verdict.PASS) {
                    b.append(">\n      <system-out>").append(x(g.reason())).append("</system-out>\n    </testcase>\n");
                } else if (g.verdict() == Verdict.SKIPPED) {
                    b.append(">\n      <skipped message=\"").append(x(g.reason())).append("\"/>\n    </testcase>\n");
                } else {
                    b.append(">\n      <failure message=\"").append(x(g.reason())).append("\" type=\"GateFailed\">")
                            .append(x(s.title() + ": " + g.reason())).append("</failure>\n    </testcase>\n");
                }
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
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
