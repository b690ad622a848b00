package io.avreplay.scenario.ci;

import io.avreplay.replay.arrow.LogReader;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.gate.EvalFrame;
import java.nio.file.Path;
import java.util.List;

/**
 * Hook for the worst frames of a failing scenario: given its frames (ground truth and candidate
 * detections), pick and render the worst ones. The renderer with camera images and drawn boxes plugs in
 * here; {@link #NONE} renders nothing.
 */
@FunctionalInterface
public interface WorstFrames {
    /** Renders nothing. */
    WorstFrames NONE = (scenario, logDir, frames) -> List.of();

    /**
     * @param scenario the failing scenario
     * @param logDir   its log directory (for camera images)
     * @param frames   its frames, candidate detections
     * @return at most a handful of images
     */
    List<FrameImage> render(Scenario scenario, Path logDir, List<EvalFrame> frames);

    /**
     * As {@link #render(Scenario, Path, List)} from the log's open reader (the gate's one reader of the log);
     * a renderer that reads the log overrides this so it does not open the directory again. The default
     * passes the log's directory.
     *
     * @param log the scenario's open log (borrowed, left open)
     */
    default List<FrameImage> render(Scenario scenario, LogReader log, List<EvalFrame> frames) {
        return render(scenario, log.directory(), frames);
    }
}
