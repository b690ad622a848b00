package io.avreplay.replay.export;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.export.NuScenesSubmissionReader.RawBox;
import io.avreplay.replay.export.NuScenesSubmissionReader.Rules;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The streaming parse and validation behind {@link NuScenesSubmissionReader}. Not thread-safe; one per file. */
final class SubmissionParser {
    private final java.nio.file.Path file;
    private final Rules rules;
    private JsonParser p;
    private boolean parsing;
    final List<RawBox> raw = new ArrayList<>();
    final List<String> samples = new ArrayList<>();
    final Map<String, Vec3> egoPoses = new LinkedHashMap<>();
    final Map<String, List<NuScenesBox>> bikeRacks = new LinkedHashMap<>();

    SubmissionParser(java.nio.file.Path file, Rules rules) {
        this.file = file;
        this.rules = rules;
    }

    void parse() {
        NuScenesSubmissionReader.requireRegularFile(file);
        try (InputStream in = NuScenesSubmissionReader.open(file);
                JsonParser parser = NuScenesSubmissionReader.factory().createParser(in)) {
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
            throw new BadInputException(where + ": malformed JSON: " + NuScenesSubmissionReader.cleanMessage(e), e);
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
            expect(p.currentToken(), JsonToken.START_OBJECT, "results[" + raw.size() + "]");
            RawBox b = readBox(token);
            raw.add(b);
            samples.add(b.sampleToken);
        }
    }

    private RawBox readBox(String token) throws IOException {
        RawBox b = new RawBox();
        b.index = raw.size();
        b.sampleToken = token;
        b.location = p.currentTokenLocation();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "sample_token" -> b.sampleToken = string(b, f, v);
                case "translation" -> b.translation = numbers(b, f, v, 3, 3, false);
                case "size" -> b.size = numbers(b, f, v, 3, 3, false);
                case "rotation" -> b.rotation = numbers(b, f, v, 4, 4, false);
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
            RawBox ctx = context("ego_poses." + token);
            double[] xyz;
            if (t == JsonToken.START_OBJECT) {
                xyz = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken fv = p.nextToken();
                    if ("translation".equals(f)) {
                        xyz = numbers(ctx, f, fv, 3, 3, false);
                    } else {
                        p.skipChildren();
                    }
                }
                if (xyz == null) {
                    throw fail(ctx, "translation", "missing field");
                }
            } else {
                xyz = numbers(ctx, "translation", t, 2, 3, false);
            }
            egoPoses.put(token, new Vec3(xyz[0], xyz[1], xyz.length > 2 ? xyz[2] : 0));
        }
    }

    private void readBikeRacks(JsonToken v) throws IOException {
        expect(v, JsonToken.START_OBJECT, "bike_racks");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String token = p.currentName();
            expect(p.nextToken(), JsonToken.START_ARRAY, "bike_racks." + token);
            List<NuScenesBox> racks = bikeRacks.computeIfAbsent(token, k -> new ArrayList<>());
            while (p.nextToken() != JsonToken.END_ARRAY) {
                expect(p.currentToken(), JsonToken.START_OBJECT, "bike_racks." + token);
                RawBox r = readBox(token);
                r.recordName = "bike_racks." + token + "[" + racks.size() + "]";
                r.index = racks.size();
                Geometry g = geometry(r);
                racks.add(new NuScenesBox(token, r.index, g.translation, g.size[0], g.size[1], g.size[2], g.rotation,
                        g.yaw, Double.NaN, Double.NaN, "", Double.NaN, "", -1));
            }
        }
    }

    NuScenesBox validate(RawBox b) {
        if (b.sampleToken == null || b.sampleToken.isEmpty()) {
            throw fail(b, "sample_token", "missing field");
        }
        Geometry g = geometry(b);
        if (b.velocity == null) {
            if (!rules.velocityOptional()) {
                throw fail(b, "velocity", "missing field");
            }
            b.velocity = new double[] {Double.NaN, Double.NaN};
        }
        if (b.name == null) {
            throw fail(b, "detection_name", "missing field");
        }
        if (rules.detectionNames().isEmpty() ? b.name.isEmpty() : !rules.detectionNames().contains(b.name)) {
            throw fail(b, "detection_name", "unknown class '" + b.name + "', expected "
                    + (rules.detectionNames().isEmpty() ? "a non-empty name" : "one of "
                            + new TreeSet<>(rules.detectionNames())));
        }
        String attr = b.attribute == null ? "" : b.attribute;
        if (!attr.isEmpty() && !rules.attributeNames().isEmpty() && !rules.attributeNames().contains(attr)) {
            throw fail(b, "attribute_name", "unknown attribute '" + attr + "', expected '' or one of "
                    + new TreeSet<>(rules.attributeNames()));
        }
        double vx = b.velocity[0];
        double vy = b.velocity[1];
        if (Double.isInfinite(vx) || Double.isInfinite(vy)) {
            throw fail(b, "velocity", "expected finite numbers or null, got [" + vx + ", " + vy + "]");
        }
        int numPts = -1;
        if (rules.groundTruth()) {
            numPts = b.numPts == Integer.MIN_VALUE ? -1 : b.numPts;
            if (numPts < -1) {
                throw fail(b, "num_pts", "expected >= 0, got " + numPts);
            }
        } else {
            if (Double.isNaN(b.score) && !b.scoreSeen) {
                throw fail(b, "detection_score", "missing field");
            }
            if (!Double.isFinite(b.score) || b.score < 0) {
                throw fail(b, "detection_score", "expected a finite number >= 0, got " + b.score);
            }
        }
        return new NuScenesBox(b.sampleToken, b.index, g.translation, g.size[0], g.size[1], g.size[2], g.rotation,
                g.yaw, vx, vy, b.name, b.score, attr, numPts);
    }

    private record Geometry(Vec3 translation, double[] size, Quaternion rotation, double yaw) {
    }

    private Geometry geometry(RawBox b) {
        double[] t = require(b, "translation", b.translation);
        double[] s = require(b, "size", b.size);
        for (int i = 0; i < 3; i++) {
            if (!(s[i] > 0) || Double.isInfinite(s[i])) {
                throw fail(b, "size", "expected w, l, h > 0, got [" + s[0] + ", " + s[1] + ", " + s[2] + "]");
            }
            if (!Double.isFinite(t[i])) {
                throw fail(b, "translation", "expected finite numbers, got " + t[i]);
            }
        }
        if (b.rotation != null) {
            double[] q = b.rotation;
            double yaw = quaternionYaw(q[0], q[1], q[2], q[3]);
            if (Double.isNaN(yaw)) {
                throw fail(b, "rotation", "expected a non-zero finite quaternion [w, x, y, z]");
            }
            return new Geometry(new Vec3(t[0], t[1], t[2]), s, new Quaternion(q[0], q[1], q[2], q[3]), yaw);
        }
        if (Double.isNaN(b.yaw)) {
            throw fail(b, "rotation", "missing field (rotation [w, x, y, z] or yaw)");
        }
        if (Double.isInfinite(b.yaw)) {
            throw fail(b, "yaw", "expected a finite number, got " + b.yaw);
        }
        return new Geometry(new Vec3(t[0], t[1], t[2]), s, Quaternion.fromYaw(b.yaw), b.yaw);
    }

    /**
     * Heading of a quaternion [w, x, y, z], radians, normalising it first (the devkit's
     * {@code quaternion_yaw}); NaN for a zero or non-finite quaternion.
     */
    static double quaternionYaw(double w, double x, double y, double z) {
        double n2 = w * w + x * x + y * y + z * z;
        if (!(n2 > 1e-24) || Double.isInfinite(n2)) {
            return Double.NaN;
        }
        double s = 2 / n2;
        return Math.atan2(s * (x * y + w * z), 1 - s * (y * y + z * z));
    }

    private double[] numbers(RawBox b, String field, JsonToken v, int min, int max, boolean nullIsNan)
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
        return n == max ? out : Arrays.copyOf(out, n);
    }

    private double number(RawBox b, String field, JsonToken v) throws IOException {
        if (!v.isNumeric()) {
            throw fail(b, field, "expected a number, got " + describe(v));
        }
        if ("detection_score".equals(field)) {
            b.scoreSeen = true;
        }
        return p.getDoubleValue();
    }

    private String string(RawBox b, String field, JsonToken v) throws IOException {
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

    private double[] require(RawBox b, String field, double[] v) {
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

    private RawBox context(String recordName) {
        RawBox ctx = new RawBox();
        ctx.recordName = recordName;
        ctx.location = p.currentTokenLocation();
        return ctx;
    }

    private BadInputException fail(String message) {
        JsonLocation loc = p == null ? null : p.currentTokenLocation();
        return new BadInputException(where(loc) + ": " + message);
    }

    private BadInputException fail(RawBox b, String field, String message) {
        JsonLocation loc = parsing ? p.currentTokenLocation() : b.location;
        String record = b.recordName != null ? b.recordName
                : (rules.groundTruth() ? "ground-truth" : "prediction") + " box " + b.index
                        + (b.sampleToken == null ? "" : " (sample_token " + b.sampleToken + ")");
        return new BadInputException(where(loc) + ": " + record + ": field " + field + ": " + message);
    }

    private String where(JsonLocation loc) {
        return loc == null ? file.toString() : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
