package io.avreplay.replay.importer.nuscenes;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import java.math.BigDecimal;
import java.nio.file.Path;

/** Typed access to an info file's JSON with errors that name the file and the JSON path. */
record InfoJson(Path file, JsonNode node, String path) {
    InfoJson get(String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            throw new BadInputException(file + ": " + path + ": missing '" + key + "'");
        }
        return new InfoJson(file, n, path + "." + key);
    }

    boolean has(String key) {
        JsonNode n = node.get(key);
        return n != null && !n.isNull();
    }

    InfoJson at(int i) {
        return new InfoJson(file, node.get(i), path + "[" + i + "]");
    }

    int size() {
        return node.size();
    }

    String text() {
        if (!node.isTextual()) {
            throw new BadInputException(file + ": " + path + ": expected a string, got " + node.getNodeType());
        }
        return node.asText();
    }

    double number() {
        if (!node.isNumber()) {
            throw new BadInputException(file + ": " + path + ": expected a number, got " + node.getNodeType());
        }
        return node.doubleValue();
    }

    /** A number that may be {@code null} in the file (NaN in the source); NaN then. */
    double numberOrNaN(int i) {
        JsonNode n = node.get(i);
        return n == null || n.isNull() ? Double.NaN : at(i).number();
    }

    /** A time in seconds → ns, exact to the microsecond (nuScenes' resolution). */
    long secondsToNs() {
        if (!node.isNumber()) {
            throw new BadInputException(file + ": " + path + ": expected a time in seconds, got " + node.getNodeType());
        }
        BigDecimal us = node.decimalValue().movePointRight(6).setScale(0, java.math.RoundingMode.HALF_EVEN);
        return us.longValueExact() * 1000L;
    }

    double[] numbers(int expected) {
        if (!node.isArray() || node.size() != expected) {
            throw new BadInputException(file + ": " + path + ": expected " + expected + " numbers, got "
                    + (node.isArray() ? node.size() + " values" : node.getNodeType().toString()));
        }
        double[] v = new double[expected];
        for (int i = 0; i < expected; i++) {
            v[i] = at(i).number();
        }
        return v;
    }

    /** A 4×4 (rows) homogeneous transform → pose. */
    Pose pose() {
        double[] m = matrix(4, 4);
        return new Pose(Quaternion.fromMatrix(new double[] {m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]}),
                new Vec3(m[3], m[7], m[11]));
    }

    /** A rows×cols matrix given as a list of rows, row-major. */
    double[] matrix(int rows, int cols) {
        if (!node.isArray() || node.size() != rows) {
            throw new BadInputException(file + ": " + path + ": expected a " + rows + "x" + cols + " matrix");
        }
        double[] m = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(at(r).numbers(cols), 0, m, r * cols, cols);
        }
        return m;
    }
}
