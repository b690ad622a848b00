package io.avreplay.scenario.gate;

/**
 * Per-frame evaluation units of one scenario and one set of detections: whatever a
 * {@link ScenarioScorer} needs to compute a metric on any multiset of the frames without matching
 * again (for the nuScenes evaluator, one accumulated match-data per frame). Frame {@code i} is the
 * {@code i}-th frame passed to {@link ScenarioScorer#accumulate}, so units of a candidate and a
 * baseline built from the same frames are paired by index. Immutable.
 */
public interface FrameUnits {
    /** @return the number of frames */
    int frameCount();
}
