/**
 * Argoverse 2 3D detection scoring with parity to av2-api 0.3.6 ({@code av2.evaluation.detection}): the
 * annotation and detection tables (Feather/Arrow IPC or CSV), the range, point-count and per-sweep cap
 * filters, av2's greedy centre-distance assignment per sweep and category, AP over 101 recall samples at
 * 0.5/1/2/4 m, the true-positive errors ATE, ASE, AOE and the composite detection score CDS, per category
 * and averaged, and text and JSON renderers. Entry point: {@link io.avreplay.eval.av2.Av2Evaluator}.
 */
package io.avreplay.eval.av2;
