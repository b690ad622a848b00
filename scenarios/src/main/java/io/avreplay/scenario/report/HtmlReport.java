package io.avreplay.scenario.report;

import io.avreplay.scenario.ci.FrameImage;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.PrCurve;
import java.util.Base64;
import java.util.Locale;

/**
 * A self-contained HTML page: inline CSS, a summary table, per scenario its gate table, an inline SVG of
 * the candidate's precision–recall curves per class at 2 m, and for failing scenarios the worst frames as
 * base64 PNG {@code <img>} elements. No script, no external file, no network. Pure.
 */
public final class HtmlReport {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}.PASS{color:#176317}.FAIL{color:#b00020;font-weight:bold}"
            + ".SKIPPED{color:#777}section{border-top:2px solid #eee;margin-top:1.5em}img{max-width:640px;display:block}"
            + "figure{display:inline-block;margin:.5em}";

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
                .append("</h2>\n<p>Log ").append(e(s.logId())).append(", window ").append(s.startNs()).append("..")
                .append(s.endNs()).append(" ns, ").append(s.frames()).append(" frames, classes ")
                .append(e(String.join(", ", s.classes()))).append(".</p>\n");
        b.append("<table><tr><th>Gate</th><th>Candidate</th><th>Baseline</th><th>Δ</th><th>CI of Δ</th><th>Result</th>"
                + "<th>Reason</th></tr>\n");
        for (GateResult g : s.gates()) {
            b.append("<tr><td><code>").append(e(g.gate().expression())).append("</code></td><td class=\"n\">")
                    .append(Numbers.f(g.candidate())).append("</td><td class=\"n\">").append(Numbers.f(g.baseline()))
                    .append("</td><td class=\"n\">").append(Numbers.signed(g.difference())).append("</td><td>")
                    .append(Numbers.ci(g.ciLow(), g.ciHigh())).append("</td><td class=\"").append(g.verdict()).append("\">")
                    .append(g.verdict()).append("</td><td>").append(e(g.reason())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!s.curves().isEmpty()) {
            b.append(svg(s));
        }
        if (s.failed()) {
            b.append("<p class=\"view\"><a href=\"").append(e(viewerLink(s))).append("\">Open the window in the viewer</a> ")
                    .append("(the page <code>view/").append(e(s.logId())).append(".html</code> beside this report, written by ")
                    .append("<code>avreplay view LOG --run RESULTS --static view/").append(e(s.logId())).append(".html</code>).</p>\n");
            b.append("<h3>Worst frames</h3>\n");
            if (s.worstFrames().isEmpty()) {
                b.append("<p>No frame images rendered for this run.</p>\n");
            }
            for (FrameImage img : s.worstFrames()) {
                b.append("<figure><img alt=\"frame ").append(img.timestampNs()).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(img.png())).append("\"><figcaption>")
                        .append(img.timestampNs()).append(" ns: ").append(e(img.caption())).append("</figcaption></figure>\n");
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

    /** Precision (y) against recall (x), one polyline per class, in a 320×240 plot with axes and legend. */
    static String svg(ScenarioOutcome s) {
        int w = 320;
        int h = 240;
        int m = 40;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (w + 160) + "\" height=\""
                + (h + 2 * m) + "\" role=\"img\" aria-label=\"precision-recall curves of " + e(s.id()) + "\">\n");
        b.append("<rect x=\"").append(m).append("\" y=\"").append(m / 2).append("\" width=\"").append(w).append("\" height=\"")
                .append(h).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        b.append("<text x=\"").append(m + w / 2).append("\" y=\"").append(h + m + 15).append("\" text-anchor=\"middle\" "
                + "font-size=\"12\">recall</text><text x=\"12\" y=\"").append(m / 2 + h / 2)
                .append("\" font-size=\"12\" transform=\"rotate(-90 12 ").append(m / 2 + h / 2)
                .append(")\" text-anchor=\"middle\">precision</text>\n");
        for (int k = 0; k < s.curves().size(); k++) {
            PrCurve c = s.curves().get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < c.recall().size(); i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", m + w * c.recall().get(i),
                        m / 2.0 + h * (1 - c.precision().get(i))));
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().trim()).append("\"/>\n");
            b.append("<text x=\"").append(m + w + 10).append("\" y=\"").append(m / 2 + 15 + 16 * k).append("\" fill=\"")
                    .append(colour).append("\" font-size=\"12\">").append(e(c.className())).append(" AP ")
                    .append(Numbers.f(c.ap())).append("</text>\n");
        }
        return b.append("</svg>\n").toString();
    }

    static String e(String s) {
        return JunitXmlReport.x(s);
    }
}
