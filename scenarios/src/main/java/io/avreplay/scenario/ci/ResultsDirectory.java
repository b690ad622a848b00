package io.avreplay.scenario.ci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Precomputed detections: a directory with one {@code <logId>.json} per log, nuScenes-submission shaped
 * but keyed by timestamp and in the ego frame:
 * <pre>{"results": {"1700000000100000000": [{"translation": [x, y, z], "size": [w, l, h],
 *   "rotation": [qw, qx, qy, qz], "velocity": [vx, vy], "detection_name": "car",
 *   "detection_score": 0.9, "attribute_name": ""}]}}</pre>
 * Metres, m/s, ego frame at that timestamp; {@code velocity} and {@code attribute_name} are optional.
 * Errors name the file, the line and the field. Thread-safe.
 */
public final class ResultsDirectory implements DetectionResults {
    /** Largest results file, bytes. */
    public static final long MAX_BYTES = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

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
            try (JsonParser p = JSON.getFactory().createParser(f.toFile())) {
                return read(f, p);
            }
        } catch (IOException e) {
            throw new BadInputException(f + ": malformed JSON: " + e.getMessage().split("\n")[0], e);
        }
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

    private static Map<Long, List<Detection3d>> read(Path f, JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new BadInputException(f + ":1: expected an object with 'results'");
        }
        Map<Long, List<Detection3d>> out = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!name.equals("results")) {
                p.skipChildren();
                continue;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(f + ":" + p.currentTokenLocation().getLineNr() + ": field 'results': expected an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                p.nextToken();
                long t;
                try {
                    t = Long.parseLong(key);
                } catch (NumberFormatException e) {
                    throw new BadInputException(f + ":" + line + ": field 'results': key '" + key + "' is not a timestamp in ns");
                }
                JsonNode arr = JSON.readTree(p);
                out.put(t, boxes(f, line, key, arr));
            }
        }
        return out;
    }

    private static List<Detection3d> boxes(Path f, int line, String key, JsonNode arr) {
        if (!arr.isArray()) {
            throw new BadInputException(f + ":" + line + ": field 'results." + key + "': expected a list of boxes");
        }
        List<Detection3d> out = new ArrayList<>();
        Iterator<JsonNode> it = arr.elements();
        for (int i = 0; it.hasNext(); i++) {
            String where = f + ":" + line + ": field 'results." + key + "[" + i + "].";
            JsonNode b = it.next();
            try {
                double[] tr = nums(b, "translation", 3, where);
                double[] sz = nums(b, "size", 3, where);
                double[] q = nums(b, "rotation", 4, where);
                double[] v = b.has("velocity") ? nums(b, "velocity", 2, where) : new double[] {Double.NaN, Double.NaN};
                String cls = b.path("detection_name").asText("");
                if (cls.isEmpty()) {
                    throw new BadInputException(where + "detection_name': missing");
                }
                if (!b.path("detection_score").isNumber()) {
                    throw new BadInputException(where + "detection_score': missing or not a number");
                }
                double yaw = new Quaternion(q[0], q[1], q[2], q[3]).yaw();
                out.add(new Detection3d(Box3d.ego(new Vec3(tr[0], tr[1], tr[2]), sz[1], sz[0], sz[2], yaw), cls,
                        b.get("detection_score").asDouble(), v[0], v[1],
                        Detection3d.attributeList(b.path("attribute_name").asText("")), Detection3d.NO_TRACK,
                        Double.NaN, ""));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where.substring(0, where.length() - 1) + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static double[] nums(JsonNode b, String field, int n, String where) {
        JsonNode a = b.get(field);
        if (a == null || !a.isArray() || a.size() != n) {
            throw new BadInputException(where + field + "': expected " + n + " numbers");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!a.get(i).isNumber() || !Double.isFinite(a.get(i).asDouble())) {
                throw new BadInputException(where + field + "': expected " + n + " finite numbers");
            }
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
