package io.avreplay.scenario.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.scoring.ConfusionMatrix;
import io.avreplay.scenario.scoring.MaxF1;
import io.avreplay.scenario.scoring.ObjectTimeline;
import io.avreplay.scenario.scoring.ScoringDetail;
import io.avreplay.scenario.scoring.Statistic;

/**
 * The safety views of a scenario in the JSON report: {@code bins}, {@code errors}, {@code criteria},
 * {@code timelines} (times in seconds from the log start; a never-detected object's {@code first_detect_s}
 * is null with {@code never_detected: true}), {@code confusion} and {@code max_f1}. Pure.
 */
final class SafetyJson {
    private SafetyJson() {
    }

    static void write(ObjectNode o, ScenarioOutcome s) {
        ScoringDetail d = s.detail();
        ArrayNode bins = o.putArray("bins");
        for (ScoringDetail.BinRow r : d.bins()) {
            ObjectNode n = bins.addObject().put("class", r.className()).put("bin", r.bin().toString())
                    .put("truth", r.truth()).put("true_positives", r.truePositives())
                    .put("false_positives", r.falsePositives());
            JsonReport.num(n, "recall", r.recall());
            JsonReport.num(n, "precision", r.precision());
            JsonReport.num(n, "ap_2m", r.ap());
        }
        ArrayNode errors = o.putArray("errors");
        for (ScoringDetail.ErrorRow r : d.errors()) {
            ObjectNode n = errors.addObject().put("class", r.className()).put("bin", r.bin().toString())
                    .put("quantity", r.quantity().key()).put("unit", r.quantity().unit()).put("samples", r.samples());
            for (Statistic st : Statistic.values()) {
                JsonReport.num(n, st.key(), r.value(st));
            }
        }
        ArrayNode criteria = o.putArray("criteria");
        for (ScoringDetail.CriterionRow r : d.criteria()) {
            ObjectNode n = criteria.addObject().put("gate", r.gate()).put("passed", r.passed()).put("failed", r.failed())
                    .put("not_judged", r.notJudged()).put("empty", r.empty());
            JsonReport.num(n, "pass_rate", r.passRate());
        }
        ArrayNode timelines = o.putArray("timelines");
        for (ScoringDetail.TimelineView v : d.timelines()) {
            ObjectNode n = timelines.addObject().put("title", v.title()).put("objects_total", v.total());
            ArrayNode objs = n.putArray("worst_objects");
            for (ObjectTimeline t : v.objects()) {
                ObjectNode on = objs.addObject().put("track_id", t.trackId()).put("class", t.category())
                        .put("first_seen_s", (t.firstSeenNs() - s.logStartNs()) / 1e9)
                        .put("frames_present", t.framesPresent()).put("frames_detected", t.framesDetected())
                        .put("detected_share", t.detectedShare()).put("longest_miss_s", t.longestMissS())
                        .put("never_detected", t.neverDetected());
                JsonReport.num(on, "first_detect_s", t.neverDetected() ? Double.NaN : t.firstDetectS());
            }
        }
        ConfusionMatrix c = d.confusion();
        ObjectNode cn = o.putObject("confusion");
        ArrayNode labels = cn.putArray("labels");
        c.labels().forEach(labels::add);
        labels.add(ConfusionMatrix.NONE);
        ArrayNode rows = cn.putArray("counts_truth_by_predicted");
        for (long[] row : c.counts()) {
            ArrayNode r = rows.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        ArrayNode f1 = o.putArray("max_f1");
        for (MaxF1 m : d.maxF1()) {
            ObjectNode n = f1.addObject().put("class", m.className());
            JsonReport.num(n, "threshold", m.threshold());
            JsonReport.num(n, "f1", m.f1());
            JsonReport.num(n, "precision", m.precision());
            JsonReport.num(n, "recall", m.recall());
        }
    }
}
