package io.avreplay.scenario.ci;

import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.PrCurve;
import java.util.List;
import java.util.Objects;

/**
 * The result of one scenario.
 *
 * @param id          scenario id
 * @param title       scenario title
 * @param file        the scenario file
 * @param logId       its log
 * @param startNs     window start, absolute ns
 * @param endNs       window end, absolute ns
 * @param frames      annotated timestamps scored
 * @param classes     the classes scored
 * @param gates       one result per gate, in file order
 * @param curves      candidate precision–recall curves per class at 2 m
 * @param worstFrames images of the worst frames (failing scenarios only; possibly empty)
 */
public record ScenarioOutcome(String id, String title, String file, String logId, long startNs, long endNs, int frames,
        List<String> classes, List<GateResult> gates, List<PrCurve> curves, List<FrameImage> worstFrames) {
    public ScenarioOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(logId, "logId");
        classes = List.copyOf(classes);
        gates = List.copyOf(gates);
        curves = List.copyOf(curves);
        worstFrames = List.copyOf(worstFrames);
    }

    /** @return whether any gate failed */
    public boolean failed() {
        return gates.stream().anyMatch(GateResult::failed);
    }
}
