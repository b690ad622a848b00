package io.avreplay.scenario.ci;

import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.PrCurve;
import io.avreplay.scenario.scoring.ScoringDetail;
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
 * @param logStartNs  first timestamp of the log, ns (reports show times as seconds from it)
 * @param association counters of the time-tolerant association of the candidate's output stamps
 * @param detail      the safety views (per-bin tables, error statistics, criteria, worst objects, drill-down)
 * @param seconds     wall-clock time spent scoring and gating the scenario, seconds, &gt;= 0
 */
public record ScenarioOutcome(String id, String title, String file, String logId, long startNs, long endNs, int frames,
        List<String> classes, List<GateResult> gates, List<PrCurve> curves, List<FrameImage> worstFrames,
        long logStartNs, Association association, ScoringDetail detail, double seconds) {
    /**
     * How the candidate's output stamps met the ground-truth stamps of the window.
     *
     * @param toleranceNs         the tolerance used, ns
     * @param outputsWithoutTruth output stamps in the window that found no ground-truth stamp
     * @param truthWithoutOutput  ground-truth stamps that got no output stamp
     */
    public record Association(long toleranceNs, int outputsWithoutTruth, int truthWithoutOutput) {
        public Association {
            if (toleranceNs < 0 || outputsWithoutTruth < 0 || truthWithoutOutput < 0) {
                throw new IllegalArgumentException("association counters must be >= 0, got " + toleranceNs + ", "
                        + outputsWithoutTruth + ", " + truthWithoutOutput);
            }
        }
    }

    public ScenarioOutcome {
        Objects.requireNonNull(association, "association");
        Objects.requireNonNull(detail, "detail");
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(logId, "logId");
        classes = List.copyOf(classes);
        gates = List.copyOf(gates);
        curves = List.copyOf(curves);
        worstFrames = List.copyOf(worstFrames);
    }

    /** @return whether any gate failed, or no frame was scored (a window without ground truth judges nothing) */
    public boolean failed() {
        return frames == 0 || gates.stream().anyMatch(GateResult::failed);
    }
}
