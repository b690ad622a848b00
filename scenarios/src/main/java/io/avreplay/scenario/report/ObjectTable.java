package io.avreplay.scenario.report;

import io.avreplay.replay.export.ArrowTableFile;
import io.avreplay.error.AvreplayException;
import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.scoring.MatchedFrame;
import io.avreplay.scenario.scoring.ObjectRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The drill-down table of one scenario: one row per ground-truth object and per detection of every frame,
 * with its match status at 2 m ({@code matched}, {@code missed}, {@code false}), the pair's errors, its
 * distance and its time from the log start. Written as CSV (empty cell for unknown) and as an Arrow IPC file
 * (null for unknown), each through a temporary file and a rename. Pure apart from the writes.
 */
public final class ObjectTable {
    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("frame", "timestamp_ns", "time_s", "role", "class", "track_id",
            "status", "score", "x_m", "y_m", "distance_m", "num_points", "visibility", "matched_as", "long_err_m",
            "lat_err_m", "yaw_err_rad", "size_err_m", "vel_err_mps");

    private ObjectTable() {
    }

    /** One row: the first seven columns as text/int/long, the rest as doubles (NaN unknown). */
    private record Row(int frame, long timestampNs, String role, String cls, String trackId, String status,
            String matchedAs, int numPoints, double[] values) { }

    private static List<Row> rows(ScenarioOutcome s) {
        List<Row> out = new ArrayList<>();
        List<MatchedFrame> frames = s.detail().frames();
        for (int f = 0; f < frames.size(); f++) {
            MatchedFrame fr = frames.get(f);
            for (ObjectRow r : fr.truth()) {
                out.add(row(f, fr, r, r.matched() ? "matched" : "missed", s.logStartNs()));
            }
            for (ObjectRow r : fr.detections()) {
                out.add(row(f, fr, r, r.matched() ? "matched" : "false", s.logStartNs()));
            }
        }
        return out;
    }

    private static Row row(int f, MatchedFrame fr, ObjectRow r, String status, long logStartNs) {
        double[] v = {(fr.timestampNs() - logStartNs) / 1e9, r.score(), r.xM(), r.yM(), r.distanceM(), r.visibility(),
            r.longErrM(), r.latErrM(), r.yawErrRad(), r.sizeErrM(), r.velErrMps()};
        return new Row(f, fr.timestampNs(), r.role().name().toLowerCase(Locale.ROOT), r.category(), r.trackId(), status,
                r.agnosticClass(), r.numPoints(), v);
    }

    /** @return the table as CSV with a header line */
    public static String csv(ScenarioOutcome s) {
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Row r : rows(s)) {
            b.append(r.frame()).append(',').append(r.timestampNs()).append(',').append(num(r.values()[0])).append(',')
                    .append(r.role()).append(',').append(cell(r.cls())).append(',').append(cell(r.trackId())).append(',')
                    .append(r.status()).append(',');
            for (int k = 1; k <= 4; k++) {
                b.append(num(r.values()[k])).append(',');
            }
            b.append(r.numPoints() < 0 ? "" : String.valueOf(r.numPoints())).append(',').append(num(r.values()[5]))
                    .append(',').append(cell(r.matchedAs()));
            for (int k = 6; k < r.values().length; k++) {
                b.append(',').append(num(r.values()[k]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** @return the Arrow schema of the table */
    public static Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String c = COLUMNS.get(i);
            ArrowType t = switch (c) {
                case "frame", "num_points" -> new ArrowType.Int(32, true);
                case "timestamp_ns" -> new ArrowType.Int(64, true);
                case "role", "class", "track_id", "status", "matched_as" -> ArrowType.Utf8.INSTANCE;
                default -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            };
            fields.add(new Field(c, new FieldType(!c.equals("frame") && !c.equals("timestamp_ns"), t, null), null));
        }
        return new Schema(fields);
    }

    /**
     * Writes the table as one Arrow IPC file batch.
     *
     * @param allocator borrowed; everything allocated is released before returning
     * @throws AvreplayException when the file cannot be written
     */
    public static void writeArrow(ScenarioOutcome s, Path file, BufferAllocator allocator) {
        List<Row> rows = rows(s);
        try {
            ArrowTableFile.write(file, schema(), rows.size(), allocator, (root, i) -> fill(root, i, rows.get(i)));
        } catch (IOException e) {
            throw new AvreplayException(file + ": cannot write the object table: " + e.getMessage(), e);
        }
    }

    private static void fill(VectorSchemaRoot root, int i, Row r) {
        ((IntVector) root.getVector("frame")).setSafe(i, r.frame());
        ((BigIntVector) root.getVector("timestamp_ns")).setSafe(i, r.timestampNs());
        text(root, "role", i, r.role());
        text(root, "class", i, r.cls());
        text(root, "track_id", i, r.trackId());
        text(root, "status", i, r.status());
        text(root, "matched_as", i, r.matchedAs());
        IntVector pts = (IntVector) root.getVector("num_points");
        if (r.numPoints() < 0) {
            pts.setNull(i);
        } else {
            pts.setSafe(i, r.numPoints());
        }
        String[] doubles = {"time_s", "score", "x_m", "y_m", "distance_m", "visibility", "long_err_m", "lat_err_m",
            "yaw_err_rad", "size_err_m", "vel_err_mps"};
        for (int k = 0; k < doubles.length; k++) {
            Float8Vector v = (Float8Vector) root.getVector(doubles[k]);
            if (Double.isNaN(r.values()[k])) {
                v.setNull(i);
            } else {
                v.setSafe(i, r.values()[k]);
            }
        }
    }

    private static void text(VectorSchemaRoot root, String col, int i, String s) {
        FieldVector v = root.getVector(col);
        if (s.isEmpty()) {
            v.setNull(i);
        } else {
            ((VarCharVector) v).setSafe(i, s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
