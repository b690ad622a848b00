package io.avreplay.scenario.ci;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.export.NuScenesBox;
import io.avreplay.replay.export.NuScenesSubmissionReader;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precomputed detections: a directory with one {@code <logId>.json} per log, nuScenes-submission shaped
 * but keyed by timestamp and in the ego frame:
 * <pre>{"results": {"1700000000100000000": [{"translation": [x, y, z], "size": [w, l, h],
 *   "rotation": [qw, qx, qy, qz], "velocity": [vx, vy], "detection_name": "car",
 *   "detection_score": 0.9, "attribute_name": ""}]}}</pre>
 * Metres, m/s, ego frame at that timestamp; {@code velocity} and {@code attribute_name} are optional, any
 * non-empty class name is kept. Parsed by the one strict nuScenes reader
 * ({@link NuScenesSubmissionReader}: duplicate keys, trailing content, wrong types and non-regular files are
 * refused); errors name the file, line:column, the box and the field. Thread-safe.
 */
public final class ResultsDirectory implements DetectionResults {
    /** Largest results file, bytes. */
    public static final long MAX_BYTES = 1L << 30;
    /** Predictions (score required), any class name, velocity optional. */
    private static final NuScenesSubmissionReader.Rules RULES =
            new NuScenesSubmissionReader.Rules(false, Set.of(), Set.of(), true);

    private final Path dir;

    /** @throws BadInputException when {@code dir} is not a directory */
    public ResultsDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": detection results must be a directory of <logId>.json files");
        }
        this.dir = dir;
    }

    @Override
    public String describe() {
        return "results:" + dir;
    }

    @Override
    public Map<Long, List<Detection3d>> forLog(String logId, java.nio.file.Path logDir) {
        checkFileName(logId);
        Path f = dir.resolve(logId + ".json");
        if (!f.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
            throw new BadInputException(f + ": no detection results for log '" + logId + "'");
        }
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new BadInputException(f + ": over the limit of " + MAX_BYTES + " bytes");
            }
        } catch (IOException e) {
            throw new BadInputException(f + ": cannot read: " + e.getMessage(), e);
        }
        return read(f);
    }

    /**
     * A log id names a file here, so it must be one plain name: not empty, not {@code .} or {@code ..}, no
     * path separator, no control character (a log's manifest is not trusted to be so).
     */
    static void checkFileName(String logId) {
        boolean bad = logId.isEmpty() || logId.equals(".") || logId.equals("..")
                || logId.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
        if (bad) {
            throw new BadInputException("log id '" + logId.replaceAll("\\p{Cntrl}", "?") + "' cannot name a results "
                    + "file: expected a plain name without path separators or control characters");
        }
    }

    /** Reads through the one strict nuScenes reader, then turns the sample keys into timestamps. */
    private static Map<Long, List<Detection3d>> read(Path f) {
        NuScenesSubmissionReader.Content c = NuScenesSubmissionReader.read(f, RULES);
        Map<Long, List<Detection3d>> out = new HashMap<>();
        for (String key : c.samples()) {
            out.computeIfAbsent(timestamp(f, key), k -> new ArrayList<>());
        }
        for (NuScenesBox b : c.boxes()) {
            out.get(timestamp(f, b.sampleToken())).add(new Detection3d(b.box(BoxFrame.EGO), b.name(), b.score(),
                    b.vx(), b.vy(), Detection3d.attributeList(b.attribute()), Detection3d.NO_TRACK, Double.NaN, ""));
        }
        return out;
    }

    private static long timestamp(Path f, String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new BadInputException(f + ": field 'results': key '" + key
                    + "' is not a timestamp in ns, expected a decimal integer");
        }
    }
}
