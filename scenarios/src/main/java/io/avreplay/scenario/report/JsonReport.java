package io.avreplay.scenario.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.scenario.ci.GateRun;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.PrCurve;

/** The run as JSON (NaN and infinities as null), with provenance; curves and images are left to the HTML report. Pure. */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(GateRun run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", !run.failed());
        ObjectNode prov = root.putObject("provenance");
        prov.put("catalog", run.catalog()).put("candidate", run.candidate()).put("baseline", run.baseline())
                .put("scorer", run.scorer()).put("tool_version", run.toolVersion());
        prov.put("started_at", run.startedAt());
        run.problems().forEach(root.putArray("problems")::add);
        prov.putObject("bootstrap").put("resamples", run.bootstrap().resamples())
                .put("confidence", run.bootstrap().confidence()).put("seed", run.bootstrap().seed());
        ArrayNode arr = root.putArray("scenarios");
        for (ScenarioOutcome s : run.scenarios()) {
            ObjectNode o = arr.addObject();
            o.put("id", s.id()).put("title", s.title()).put("file", s.file()).put("log_id", s.logId())
                    .put("start_ns", s.startNs()).put("end_ns", s.endNs()).put("frames", s.frames())
                    .put("passed", !s.failed());
            s.classes().forEach(o.putArray("classes")::add);
            ArrayNode gates = o.putArray("gates");
            for (GateResult g : s.gates()) {
                ObjectNode n = gates.addObject();
                n.put("gate", g.gate().expression()).put("metric", g.gate().metric().toString())
                        .put("regression", g.gate().regression()).put("verdict", g.verdict().name().toLowerCase());
                num(n, "candidate", g.candidate());
                num(n, "baseline", g.baseline());
                num(n, "difference", g.difference());
                num(n, "ci_low", g.ciLow());
                num(n, "ci_high", g.ciHigh());
                n.put("reason", g.reason());
            }
            ObjectNode aps = o.putObject("ap_at_2m");
            for (PrCurve c : s.curves()) {
                num(aps, c.className(), c.ap());
            }
            o.putObject("association").put("tolerance_ns", s.association().toleranceNs())
                    .put("outputs_without_truth", s.association().outputsWithoutTruth())
                    .put("truth_without_output", s.association().truthWithoutOutput());
            SafetyJson.write(o, s);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON report", e);
        }
    }

    static void num(ObjectNode n, String field, double v) {
        if (!Double.isFinite(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
