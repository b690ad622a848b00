package io.avreplay.eval.nuscenes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.BikeRack;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads nuScenes submission-shaped JSON with Jackson's streaming parser: {@code {"results": {token: [box]}}},
 * {@code {"results": [box]}} or a bare list of boxes; a ground-truth wrapper may also carry {@code ego_poses}
 * and {@code bike_racks}. Errors are {@link BadInputException}s naming file, line and column, record and field.
 * Not thread-safe; one instance reads one file.
 */
final class NuScenesJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final boolean groundTruth;
    private JsonParser p;
    private boolean parsing;
    private final List<NuScenesRawBox> boxes = new ArrayList<>();
    private final List<String> samples = new ArrayList<>();
    private final Map<String, EgoPosition> egoPoses = new LinkedHashMap<>();
    private final Map<String, List<BikeRack>> bikeRacks = new LinkedHashMap<>();

    private NuScenesJsonReader(Path file, boolean groundTruth) {
        this.file = file;
        this.groundTruth = groundTruth;
    }

    /** @throws BadInputException when the file is unreadable, malformed or holds an invalid box */
    static NuScenesGroundTruth readGroundTruth(Path file) {
        NuScenesJsonReader r = new NuScenesJsonReader(file, true);
        r.read();
        List<InSample<GroundTruth3d>> gt = new ArrayList<>(r.boxes.size());
        for (NuScenesRawBox b : r.boxes) {
            gt.add(r.toGroundTruth(b));
        }
        return new NuScenesGroundTruth(gt, r.samples, r.egoPoses, r.bikeRacks);
    }

    /** @throws BadInputException when the file is unreadable, malformed or holds an invalid box */
    static List<InSample<Detection3d>> readPredictions(Path file) {
        NuScenesJsonReader r = new NuScenesJsonReader(file, false);
        r.read();
        List<InSample<Detection3d>> preds = new ArrayList<>(r.boxes.size());
        for (NuScenesRawBox b : r.boxes) {
            preds.add(r.toDetection(b));
        }
        return preds;
    }

    private void read() {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a regular file (a nuScenes file must be a plain JSON file)");
        }
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            p = parser;
            parsing = true;
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                readBoxList(null);
            } else if (t == JsonToken.START_OBJECT) {
                readWrapper();
            } else {
                throw fail("expected a JSON object or array at the top level, got " + t);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw fail("expected the end of the file after the JSON document, got " + after);
            }
            parsing = false;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new BadInputException(where + ": malformed JSON: " + cleanMessage(e), e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void readWrapper() throws IOException {
        boolean sawResults = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "results" -> {
                    sawResults = true;
                    if (v == JsonToken.START_ARRAY) {
                        readBoxList(null);
                    } else if (v == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String token = p.currentName();
                            expect(p.nextToken(), JsonToken.START_ARRAY, "results." + token);
                            samples.add(token);
                            readBoxList(token);
                        }
                    } else {
                        throw fail("field results: expected an object or array, got " + v);
                    }
                }
                case "ego_poses" -> readEgoPoses(v);
                case "bike_racks" -> readBikeRacks(v);
                default -> p.skipChildren();
            }
        }
        if (!sawResults) {
            throw fail("missing field results");
        }
    }

    private void readBoxList(String token) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT, "results[" + boxes.size() + "]");
            NuScenesRawBox b = readBox(token);
            boxes.add(b);
            samples.add(b.sampleToken);
        }
    }

    private NuScenesRawBox readBox(String token) throws IOException {
        NuScenesRawBox b = new NuScenesRawBox();
        b.index = boxes.size();
        b.sampleToken = token;
        b.location = p.currentTokenLocation();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "sample_token" -> b.sampleToken = string(b, f, v);
                case "translation" -> b.translation = numbers(b, f, v, 3, 3);
                case "size" -> b.size = numbers(b, f, v, 3, 3);
                case "rotation" -> b.rotation = numbers(b, f, v, 4, 4);
                case "yaw" -> b.yaw = number(b, f, v);
                case "velocity" -> b.velocity = v == JsonToken.VALUE_NULL ? new double[] {Double.NaN, Double.NaN}
                        : numbers(b, f, v, 2, 3, true);
                case "detection_name" -> b.name = string(b, f, v);
                case "detection_score" -> b.score = number(b, f, v);
                case "attribute_name" -> b.attribute = v == JsonToken.VALUE_NULL ? "" : string(b, f, v);
                case "num_pts" -> b.numPts = (int) number(b, f, v);
                default -> p.skipChildren();
            }
        }
        return b;
    }

    private void readEgoPoses(JsonToken v) throws IOException {
        expect(v, JsonToken.START_OBJECT, "ego_poses");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String token = p.currentName();
            JsonToken t = p.nextToken();
            NuScenesRawBox ctx = context("ego_poses." + token);
            double[] xyz;
            if (t == JsonToken.START_OBJECT) {
                xyz = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken fv = p.nextToken();
                    if ("translation".equals(f)) {
                        xyz = numbers(ctx, f, fv, 3, 3);
                    } else {
                        p.skipChildren();
                    }
                }
                if (xyz == null) {
                    throw fail(ctx, "translation", "missing field");
                }
            } else {
                xyz = numbers(ctx, "translation", t, 2, 3);
            }
            egoPoses.put(token, new EgoPosition(xyz[0], xyz[1], xyz.length > 2 ? xyz[2] : 0));
        }
    }

    private void readBikeRacks(JsonToken v) throws IOException {
        expect(v, JsonToken.START_OBJECT, "bike_racks");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String token = p.currentName();
            expect(p.nextToken(), JsonToken.START_ARRAY, "bike_racks." + token);
            List<BikeRack> racks = bikeRacks.computeIfAbsent(token, k -> new ArrayList<>());
            while (p.nextToken() != JsonToken.END_ARRAY) {
                expect(p.currentToken(), JsonToken.START_OBJECT, "bike_racks." + token);
                NuScenesRawBox r = readBox(token);
                r.recordName = "bike_racks." + token + "[" + racks.size() + "]";
                double[] t = require(r, "translation", r.translation);
                double[] s = require(r, "size", r.size);
                try {
                    if (r.rotation != null) {
                        double[] q = r.rotation;
                        racks.add(new BikeRack(t[0], t[1], t[2], s[0], s[1], s[2], q[0], q[1], q[2], q[3]));
                    } else {
                        racks.add(BikeRack.ofYaw(t[0], t[1], t[2], s[0], s[1], s[2],
                                Double.isNaN(r.yaw) ? require(r, "yaw or rotation", null)[0] : r.yaw));
                    }
                } catch (IllegalArgumentException e) {
                    throw fail(r, "size", e.getMessage());
                }
            }
        }
    }

    private InSample<GroundTruth3d> toGroundTruth(NuScenesRawBox b) {
        Common c = common(b);
        int numPts = b.numPts == Integer.MIN_VALUE ? -1 : b.numPts;
        if (numPts < -1) {
            throw fail(b, "num_pts", "expected >= 0, got " + numPts);
        }
        return new InSample<>(b.sampleToken, new GroundTruth3d(c.box, b.name, "", numPts, c.vx, c.vy,
                Detection3d.attributeList(c.attribute), Float.NaN));
    }

    private InSample<Detection3d> toDetection(NuScenesRawBox b) {
        Common c = common(b);
        if (Double.isNaN(b.score) && !b.scoreSeen()) {
            throw fail(b, "detection_score", "missing field");
        }
        if (!Double.isFinite(b.score) || b.score < 0) {
            throw fail(b, "detection_score", "expected a finite number >= 0, got " + b.score);
        }
        return new InSample<>(b.sampleToken, new Detection3d(c.box, b.name, b.score, c.vx, c.vy,
                Detection3d.attributeList(c.attribute), Detection3d.NO_TRACK, Double.NaN, ""));
    }

    private record Common(Box3d box, double vx, double vy, String attribute) {
    }

    private Common common(NuScenesRawBox b) {
        if (b.sampleToken == null || b.sampleToken.isEmpty()) {
            throw fail(b, "sample_token", "missing field");
        }
        double[] t = require(b, "translation", b.translation);
        double[] s = require(b, "size", b.size);
        require(b, "velocity", b.velocity);
        if (b.name == null) {
            throw fail(b, "detection_name", "missing field");
        }
        if (!NuScenesConfig.DETECTION_NAMES.contains(b.name)) {
            throw fail(b, "detection_name", "unknown class '" + b.name + "', expected one of "
                    + new java.util.TreeSet<>(NuScenesConfig.DETECTION_NAMES));
        }
        String attr = b.attribute == null ? "" : b.attribute;
        if (!attr.isEmpty() && !NuScenesConfig.ATTRIBUTE_NAMES.contains(attr)) {
            throw fail(b, "attribute_name", "unknown attribute '" + attr + "', expected '' or one of "
                    + new java.util.TreeSet<>(NuScenesConfig.ATTRIBUTE_NAMES));
        }
        for (int i = 0; i < 3; i++) {
            if (!(s[i] > 0) || Double.isInfinite(s[i])) {
                throw fail(b, "size", "expected w, l, h > 0, got [" + s[0] + ", " + s[1] + ", " + s[2] + "]");
            }
            if (!Double.isFinite(t[i])) {
                throw fail(b, "translation", "expected finite numbers, got " + t[i]);
            }
        }
        double yaw;
        if (b.rotation != null) {
            yaw = NuScenesGeometry.quaternionYaw(b.rotation[0], b.rotation[1], b.rotation[2], b.rotation[3]);
            if (Double.isNaN(yaw)) {
                throw fail(b, "rotation", "expected a non-zero finite quaternion [w, x, y, z]");
            }
        } else if (!Double.isNaN(b.yaw)) {
            yaw = b.yaw;
            if (Double.isInfinite(yaw)) {
                throw fail(b, "yaw", "expected a finite number, got " + yaw);
            }
        } else {
            throw fail(b, "rotation", "missing field (rotation [w, x, y, z] or yaw)");
        }
        double vx = b.velocity[0];
        double vy = b.velocity[1];
        if (Double.isInfinite(vx) || Double.isInfinite(vy)) {
            throw fail(b, "velocity", "expected finite numbers or null, got [" + vx + ", " + vy + "]");
        }
        Box3d box = Box3d.world(new Vec3(t[0], t[1], t[2]), s[1], s[0], s[2], yaw);
        return new Common(box, vx, vy, attr);
    }

    private double[] numbers(NuScenesRawBox b, String field, JsonToken v, int min, int max) throws IOException {
        return numbers(b, field, v, min, max, false);
    }

    private double[] numbers(NuScenesRawBox b, String field, JsonToken v, int min, int max, boolean nullIsNan)
            throws IOException {
        if (v != JsonToken.START_ARRAY) {
            throw fail(b, field, "expected an array of " + min + (min == max ? "" : " to " + max)
                    + " numbers, got " + describe(v));
        }
        double[] out = new double[max];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonToken t = p.currentToken();
            boolean nan = nullIsNan && t == JsonToken.VALUE_NULL;
            if (!t.isNumeric() && !nan) {
                throw fail(b, field, "expected numbers, got " + describe(t));
            }
            if (n < max) {
                out[n] = nan ? Double.NaN : p.getDoubleValue();
            }
            n++;
        }
        if (n < min || n > max) {
            throw fail(b, field, "expected " + min + (min == max ? "" : " to " + max) + " numbers, got " + n);
        }
        return n == max ? out : java.util.Arrays.copyOf(out, n);
    }

    private double number(NuScenesRawBox b, String field, JsonToken v) throws IOException {
        if (!v.isNumeric()) {
            throw fail(b, field, "expected a number, got " + describe(v));
        }
        if ("detection_score".equals(field)) {
            b.scoreSeen = true;
        }
        return p.getDoubleValue();
    }

    private String string(NuScenesRawBox b, String field, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw fail(b, field, "expected a string, got " + describe(v));
        }
        return p.getText();
    }

    private String describe(JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> p.getText();
        };
    }

    private double[] require(NuScenesRawBox b, String field, double[] v) {
        if (v == null) {
            throw fail(b, field, "missing field");
        }
        return v;
    }

    private void expect(JsonToken got, JsonToken want, String what) {
        if (got != want) {
            throw fail(what + ": expected " + (want == JsonToken.START_ARRAY ? "an array" : "an object") + ", got "
                    + got);
        }
    }

    private NuScenesRawBox context(String recordName) {
        NuScenesRawBox ctx = new NuScenesRawBox();
        ctx.recordName = recordName;
        ctx.location = p.currentTokenLocation();
        return ctx;
    }

    private BadInputException fail(String message) {
        JsonLocation loc = p == null ? null : p.currentTokenLocation();
        return new BadInputException(where(loc) + ": " + message);
    }

    private BadInputException fail(NuScenesRawBox b, String field, String message) {
        return fail(b, field, message, parsing ? p.currentTokenLocation() : b.location);
    }

    private BadInputException fail(NuScenesRawBox b, String field, String message, JsonLocation loc) {
        String record = b.recordName != null ? b.recordName
                : (groundTruth ? "ground-truth" : "prediction") + " box " + b.index
                        + (b.sampleToken == null ? "" : " (sample_token " + b.sampleToken + ")");
        return new BadInputException(where(loc) + ": " + record + ": field " + field + ": " + message);
    }

    private String where(JsonLocation loc) {
        return loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** Jackson's message without its source-location suffix (we print file, line and column ourselves). */
    static String cleanMessage(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^]]*\\][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*\\]", "").replace('\n', ' ');
    }
}
