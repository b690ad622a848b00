package io.avreplay.scenario.ci;

import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.object.Detection3d;
import java.util.List;
import java.util.Map;

/**
 * Detections of one model for any log, by annotated timestamp. {@link ResultsDirectory} reads precomputed
 * files; running the shipped models plugs in here too.
 */
public interface DetectionResults {
    /** @return a short description for provenance (directory, model id and hash) */
    String describe();

    /**
     * @param logId  the log's id
     * @param logDir the log's directory (a model runs on it; precomputed results need only the id)
     * @return timestamp (ns) to the detections at it, ego frame; a timestamp without entry has none
     * @throws io.avreplay.error.BadInputException when the results of this log are missing or malformed
     */
    Map<Long, List<Detection3d>> forLog(String logId, java.nio.file.Path logDir);

    /**
     * The detections of an already open log, as {@link #forLog(String, java.nio.file.Path)}; a model runs on
     * this reader (the gate's one reader of the log) instead of opening the directory again. The default
     * passes the log's id and directory.
     *
     * @param log the open log (borrowed, left open)
     * @throws io.avreplay.error.BadInputException when the results of this log are missing or malformed
     */
    default Map<Long, List<Detection3d>> forLog(LogReader log) {
        return forLog(log.manifest().logId(), log.directory());
    }
}
