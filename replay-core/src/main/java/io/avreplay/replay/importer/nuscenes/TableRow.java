package io.avreplay.replay.importer.nuscenes;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of a nuScenes v1.0 table with typed field access. Every error names the table file, the
 * record's token (or its index when the token itself is bad) and the field, with expected versus actual.
 *
 * @param file  the table file, e.g. {@code v1.0-mini/sample_data.json}
 * @param index the record's position in the file's array, from 0
 * @param node  the record's JSON object
 */
record TableRow(Path file, int index, JsonNode node) {
    TableRow {
        if (!node.isObject()) {
            throw new BadInputException(file + ": record [" + index + "]: expected a JSON object, got " + node.getNodeType());
        }
    }

    /** The record's {@code token}, non-empty. */
    String token() {
        JsonNode n = node.get("token");
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new BadInputException(file + ": record [" + index + "]: field 'token': expected a non-empty string, got "
                    + (n == null ? "nothing" : n.toString()));
        }
        return n.asText();
    }

    /** A string field, which may be empty (nuScenes writes {@code ""} for "none", e.g. {@code prev}). */
    String text(String field) {
        JsonNode n = field(field);
        if (!n.isTextual()) {
            throw wrong(field, "a string", n);
        }
        return n.asText();
    }

    /** A string field that may be absent; {@code ""} then. */
    String textOrEmpty(String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? "" : text(field);
    }

    /** A whole number (a microsecond timestamp, a point count). */
    long integer(String field) {
        JsonNode n = field(field);
        if (!n.isIntegralNumber()) {
            throw wrong(field, "a whole number", n);
        }
        return n.longValue();
    }

    boolean bool(String field) {
        JsonNode n = field(field);
        if (!n.isBoolean()) {
            throw wrong(field, "true or false", n);
        }
        return n.booleanValue();
    }

    /** A list of exactly {@code expected} numbers. */
    double[] numbers(String field, int expected) {
        JsonNode n = field(field);
        if (!n.isArray() || n.size() != expected) {
            throw wrong(field, expected + " numbers", n);
        }
        double[] v = new double[expected];
        for (int i = 0; i < expected; i++) {
            if (!n.get(i).isNumber()) {
                throw wrong(field, expected + " numbers", n);
            }
            v[i] = n.get(i).doubleValue();
        }
        return v;
    }

    Vec3 vec3(String field) {
        double[] v = numbers(field, 3);
        return new Vec3(v[0], v[1], v[2]);
    }

    /** A quaternion stored as {@code [w, x, y, z]}; normalised. */
    Quaternion quaternion(String field) {
        double[] q = numbers(field, 4);
        double norm = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (!(norm > 1e-6) || !Double.isFinite(norm)) {
            throw wrong(field, "a non-zero quaternion [w, x, y, z]", field(field));
        }
        return new Quaternion(q[0], q[1], q[2], q[3]);
    }

    /** A list of strings (tokens). */
    List<String> texts(String field) {
        JsonNode n = field(field);
        if (!n.isArray()) {
            throw wrong(field, "a list of strings", n);
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw wrong(field, "a list of strings", n);
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A row-major 3×3 matrix given as a list of rows, or an empty array when the list is empty (non-cameras). */
    double[] matrix3OrEmpty(String field) {
        JsonNode n = field(field);
        if (n.isArray() && n.isEmpty()) {
            return new double[0];
        }
        if (!n.isArray() || n.size() != 3) {
            throw wrong(field, "a 3x3 matrix (3 rows of 3 numbers) or []", n);
        }
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            JsonNode row = n.get(r);
            for (int c = 0; c < 3; c++) {
                if (!row.isArray() || row.size() != 3 || !row.get(c).isNumber()) {
                    throw wrong(field, "a 3x3 matrix (3 rows of 3 numbers) or []", n);
                }
                m[r * 3 + c] = row.get(c).doubleValue();
            }
        }
        return m;
    }

    /** An error about a field of this record: {@code file: record 'token'.field: message}. */
    BadInputException error(String field, String message) {
        return new BadInputException(file + ": record " + name() + "." + field + ": " + message);
    }

    private String name() {
        JsonNode t = node.get("token");
        return t != null && t.isTextual() ? "'" + t.asText() + "'" : "[" + index + "]";
    }

    private JsonNode field(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw error(field, "missing");
        }
        return n;
    }

    private BadInputException wrong(String field, String expected, JsonNode actual) {
        String shown = actual.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return error(field, "expected " + expected + ", got " + shown);
    }
}
