/**
 * Renderers of a {@link io.avreplay.scenario.ci.GateRun}: JUnit XML (one test case per scenario and
 * gate), Markdown (pull-request comments), JSON and a self-contained HTML page (inline CSS, inline SVG
 * precision–recall curves, worst frames as base64 PNG); {@link io.avreplay.scenario.report.ReportFiles}
 * writes them atomically.
 */
package io.avreplay.scenario.report;
