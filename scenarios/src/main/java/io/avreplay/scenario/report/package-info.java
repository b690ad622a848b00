/**
 * Renderers of a {@link io.avreplay.scenario.ci.GateRun}: JUnit XML (one test case per scenario and
 * gate), Markdown (pull-request comments), JSON and a self-contained HTML page (inline CSS, inline SVG
 * precision–recall curves, worst frames as base64 PNG, and the safety views: recall by distance bin,
 * criterion frame counts, worst objects over time, error statistics, confusion matrix, max-F1), and the
 * drill-down {@link io.avreplay.scenario.report.ObjectTable} (CSV, Arrow);
 * {@link io.avreplay.scenario.report.ReportFiles} writes them atomically.
 */
package io.avreplay.scenario.report;
