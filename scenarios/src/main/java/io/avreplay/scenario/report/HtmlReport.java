package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.FrameImage;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.PrCurve;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page: inline CSS, a summary table, per scenario its gate table, an inline SVG of
 * the candidate's precision–recall curves per class at 2 m, and for failing scenarios the worst frames as
 * base64 PNG {@code <img>} elements. No script, no external file, no network. Pure.
 */
public final class HtmlReport {
    private static final String[] COLOURS = SvgCharts.COLOURS;
    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1300px}"
            + "table{border-collapse:collapse;margin:.5em 0;font-size:13px}td,th{border:1px solid #ccc;padding:.2em .5em;"
            + "text-align:left;vertical-align:top}td code{word-break:break-word}.wrap{overflow-x:auto;max-width:100%}"
            + ".reason{max-width:36em}.note{color:#555;font-size:13px}.side{display:flex;flex-wrap:wrap;gap:2em}"
            + ".charts svg{max-width:100%;height:auto}.problem{color:#b00020;font-weight:bold}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}.PASS{color:#176317}.FAIL{color:#b00020;font-weight:bold}"
            + ".SKIPPED{color:#777}section{border-top:2px solid #eee;margin-top:1.5em}img{max-width:640px;display:block}"
            + "figure{display:inline-block;margin:.5em}td.ci{white-space:nowrap}td.gate{min-width:22em}td.gate code{white-space:nowrap}";

    private HtmlReport() {
    }

    public static String render(GateRun run) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>avreplay gate report</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<h1>avreplay gate: ").append(run.failed() ? "<span class=\"FAIL\">FAILED</span>"
                : "<span class=\"PASS\">all gates pass</span>").append("</h1>\n");
        b.append("<p>Catalogue ").append(e(run.catalog())).append("; candidate ").append(e(run.candidate()));
        if (!run.baseline().isEmpty()) {
            b.append("; baseline ").append(e(run.baseline()));
        }
        b.append(String.format(Locale.ROOT, "; scorer %s; paired bootstrap %d resamples, %.0f%% CI, seed %d; avreplay %s.</p>%n",
                e(run.scorer()), run.bootstrap().resamples(), 100 * run.bootstrap().confidence(), run.bootstrap().seed(),
                e(run.toolVersion())));
        for (String p : run.problems()) {
            b.append("<p class=\"problem\">").append(e(p)).append("</p>\n");
        }
        b.append("<table><tr><th>Scenario</th><th>Title</th><th>Frames</th><th>Gates</th><th>Result</th></tr>\n");
        for (ScenarioOutcome s : run.scenarios()) {
            String v = s.failed() ? "FAIL" : "PASS";
            b.append("<tr><td><a href=\"#").append(e(s.id())).append("\">").append(e(s.id())).append("</a></td><td>")
                    .append(e(s.title())).append("</td><td class=\"n\">").append(s.frames()).append("</td><td class=\"n\">")
                    .append(s.gates().size()).append("</td><td class=\"").append(v).append("\">").append(v).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (ScenarioOutcome s : run.scenarios()) {
            scenario(b, s);
        }
        return b.append("</body></html>\n").toString();
    }

    private static void scenario(StringBuilder b, ScenarioOutcome s) {
        b.append("<section id=\"").append(e(s.id())).append("\"><h2>").append(e(s.id())).append(" — ").append(e(s.title()))
                .append("</h2>\n<p>Log ").append(e(s.logId())).append(", window ")
                .append(String.format(Locale.ROOT, "%.1f–%.1f s", (s.startNs() - s.logStartNs()) / 1e9,
                        (s.endNs() - s.logStartNs()) / 1e9)).append(" from the log start, ").append(s.frames())
                .append(" frames, classes ")
                .append(e(String.join(", ", s.classes()))).append(".</p>\n");
        b.append("<div class=\"wrap\"><table><tr><th>Gate</th><th>Candidate</th><th>Baseline</th><th>Δ</th><th>CI of Δ</th>"
                + "<th>Result</th><th>Reason</th></tr>\n");
        for (GateResult g : s.gates()) {
            b.append("<tr><td class=\"gate\"><code>").append(e(g.gate().expression())).append("</code></td><td class=\"n\">")
                    .append(Numbers.f(g.candidate())).append("</td><td class=\"n\">").append(Numbers.f(g.baseline()))
                    .append("</td><td class=\"n\">").append(Numbers.signed(g.difference())).append("</td><td class=\"ci\">")
                    .append(Numbers.ci(g.ciLow(), g.ciHigh())).append("</td><td class=\"").append(g.verdict()).append("\">")
                    .append(g.verdict()).append("</td><td class=\"reason\">").append(e(g.reason())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        if (!s.curves().isEmpty()) {
            b.append("<h3>Precision–recall at 2 m</h3>\n<div class=\"charts\">").append(svg(s)).append("</div>\n");
        }
        SafetyHtml.render(b, s);
        if (s.failed()) {
            b.append("<p class=\"view\"><a href=\"").append(e(viewerLink(s))).append("\">Open the window in the viewer</a> ")
                    .append("(the page <code>view/").append(e(s.logId())).append(".html</code> beside this report, written by ")
                    .append("<code>avreplay view LOG --run RESULTS --static view/").append(e(s.logId())).append(".html</code>).</p>\n");
            b.append("<h3>Worst frames</h3>\n");
            if (s.worstFrames().isEmpty()) {
                b.append("<p>No frame images rendered for this run.</p>\n");
            }
            for (FrameImage img : s.worstFrames()) {
                String at = Numbers.seconds((img.timestampNs() - s.logStartNs()) / 1e9);
                b.append("<figure><img alt=\"frame at ").append(at).append(" from the log start\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(img.png())).append("\"><figcaption>")
                        .append(at).append(" from the log start: ").append(e(img.caption())).append("</figcaption></figure>\n");
            }
        }
        b.append("</section>\n");
    }

    /**
     * The viewer page of a scenario's log, relative to the report: {@code view/<log id>.html}, the log id
     * percent-encoded where it is not a plain file-name character.
     */
    static String viewerFile(ScenarioOutcome s) {
        StringBuilder f = new StringBuilder("view/");
        for (byte c : s.logId().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') {
                f.append((char) c);
            } else {
                f.append(String.format(Locale.ROOT, "%%%02X", c & 0xff));
            }
        }
        return f.append(".html").toString();
    }

    /** The viewer at the scenario window's start: {@code view/<log id>.html#ns=<start ns>} (see the viewer's URL scheme). */
    static String viewerLink(ScenarioOutcome s) {
        return viewerFile(s) + "#ns=" + s.startNs();
    }

    /** Precision (y) against recall (x), one polyline per class, with ticks every 0.2 and a legend. */
    static String svg(ScenarioOutcome s) {
        int w = 320;
        int h = 240;
        int left = SvgCharts.left();
        int top = SvgCharts.top();
        StringBuilder b = SvgCharts.open("precision-recall curves of " + s.id(), left + w + 170, top + h + 44);
        SvgCharts.yAxis(b, w, h, 0, 1, 0.2, "precision", "");
        SvgCharts.unitXAxis(b, w, h, "recall");
        List<String> legend = new java.util.ArrayList<>();
        for (int k = 0; k < s.curves().size(); k++) {
            PrCurve c = s.curves().get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < c.recall().size(); i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + w * c.recall().get(i),
                        top + h * (1 - c.precision().get(i))));
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().trim()).append("\"/>\n");
            legend.add(c.className() + " AP " + Numbers.f(c.ap()));
        }
        SvgCharts.legend(b, left + w + 12, legend);
        return b.append("</svg>\n").toString();
    }

    static String e(String s) {
        return JunitXmlReport.x(s);
    }
}
