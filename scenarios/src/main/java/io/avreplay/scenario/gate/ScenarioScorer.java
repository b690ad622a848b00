package io.avreplay.scenario.gate;

import io.avreplay.scenario.scoring.DistanceBin;
import io.avreplay.scenario.scoring.ScoringDetail;
import java.util.List;
import java.util.Set;

/**
 * The metric computation behind gates, as a plug-in: {@link NuScenesScenarioScorer} plugs the
 * nuScenes evaluator of {@code perception-eval} in here (accumulate per frame once, then merge
 * units per bootstrap sample). Implementations must be deterministic and thread-safe.
 *
 * @param <U> the implementation's per-frame units
 */
public interface ScenarioScorer<U extends FrameUnits> {
    /** @return a short name for provenance, e.g. {@code center-distance-ap} */
    String name();

    /** @return the class names metrics may name */
    Set<String> knownClasses();

    /**
     * Matches detections to ground truth once, frame by frame, keeping only {@code classes}.
     *
     * @param frames  the scenario's frames in time order
     * @param classes the classes that matter for the scenario (all metrics are restricted to them)
     */
    U accumulate(List<EvalFrame> frames, List<String> classes);

    /**
     * Computes a metric on a weighted multiset of frames.
     *
     * @param weights how many times each frame counts ({@code weights.length == units.frameCount()});
     *                all ones is the plain value, a bootstrap passes resampled counts
     * @return the value, or NaN when undefined (e.g. no ground truth of the class in the frames)
     */
    double compute(MetricId metric, U units, int[] weights);

    /** @return one precision–recall curve per class with ground truth, at {@code distanceM} */
    List<PrCurve> curves(U units, double distanceM);

    /**
     * The safety views of a scenario for reports and drill-down (per-bin tables, error statistics,
     * criterion counts and worst objects of the gates, confusion matrix, max-F1 thresholds).
     *
     * @param gates the scenario's gates (criterion and timeline gates get their own views)
     * @param bins  the scenario's report bins
     * @return the views; {@link ScoringDetail#empty()} for scorers without them
     */
    default ScoringDetail detail(U units, List<Gate> gates, List<DistanceBin> bins) {
        return ScoringDetail.empty();
    }
}
