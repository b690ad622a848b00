package io.avreplay.perception.run;

import io.avreplay.replay.export.ArrowTableFile;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Detections as flat Arrow IPC (Feather v2) tables that pandas and polars open directly.
 *
 * <p>{@code detections_3d.arrow}: {@code log_id, sample_token} utf8, {@code timestamp_ns} int64,
 * {@code category} utf8, {@code x y z length width height yaw vx vy score} float64 (box in the ego frame of
 * the sweep, metres and radians; velocity NaN when not estimated).
 * <p>{@code detections_2d.arrow}: {@code log_id, camera} utf8, {@code image_id, timestamp_ns} int64,
 * {@code category} utf8, {@code x1 y1 x2 y2 score} float64 (pixels).
 */
final class DetectionTables {
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    private static final ArrowType I64 = new ArrowType.Int(64, true);
    private static final ArrowType F64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private DetectionTables() {
    }

    static Path write3d(List<DetectionSink.Row3d> rows, Path file, BufferAllocator allocator) {
        Schema schema = schema(List.of("log_id", "sample_token"), List.of("timestamp_ns"), List.of("category"),
                List.of("x", "y", "z", "length", "width", "height", "yaw", "vx", "vy", "score"));
        return write(file, schema, allocator, rows, (root, i) -> {
            DetectionSink.Row3d r = rows.get(i);
            Detection3d d = r.detection();
            str(root, "log_id", i, r.logId());
            str(root, "sample_token", i, r.token());
            ((BigIntVector) root.getVector("timestamp_ns")).setSafe(i, r.timestampNs());
            str(root, "category", i, d.category());
            var b = d.box();
            dbl(root, i, new String[] {"x", "y", "z", "length", "width", "height", "yaw", "vx", "vy", "score"},
                    b.centre().x(), b.centre().y(), b.centre().z(), b.length(), b.width(), b.height(), b.yaw(), d.vx(),
                    d.vy(), d.score());
        });
    }

    static Path write2d(List<DetectionSink.Row2d> rows, Path file, BufferAllocator allocator) {
        Schema schema = schema(List.of("log_id", "camera"), List.of("image_id", "timestamp_ns"), List.of("category"),
                List.of("x1", "y1", "x2", "y2", "score"));
        return write(file, schema, allocator, rows, (root, i) -> {
            DetectionSink.Row2d r = rows.get(i);
            Detection2d d = r.detection();
            str(root, "log_id", i, r.logId());
            str(root, "camera", i, d.cameraId());
            ((BigIntVector) root.getVector("image_id")).setSafe(i, r.imageId());
            ((BigIntVector) root.getVector("timestamp_ns")).setSafe(i, r.timestampNs());
            str(root, "category", i, d.category());
            dbl(root, i, new String[] {"x1", "y1", "x2", "y2", "score"}, d.box().x1(), d.box().y1(), d.box().x2(),
                    d.box().y2(), d.score());
        });
    }

    private static Schema schema(List<String> strings, List<String> longs, List<String> strings2, List<String> doubles) {
        List<Field> f = new ArrayList<>();
        strings.forEach(n -> f.add(new Field(n, FieldType.notNullable(UTF8), null)));
        longs.forEach(n -> f.add(new Field(n, FieldType.notNullable(I64), null)));
        strings2.forEach(n -> f.add(new Field(n, FieldType.notNullable(UTF8), null)));
        doubles.forEach(n -> f.add(new Field(n, FieldType.notNullable(F64), null)));
        return new Schema(f);
    }

    private static void str(VectorSchemaRoot root, String col, int i, String v) {
        ((VarCharVector) root.getVector(col)).setSafe(i, v.getBytes(StandardCharsets.UTF_8));
    }

    private static void dbl(VectorSchemaRoot root, int i, String[] cols, double... v) {
        for (int c = 0; c < cols.length; c++) {
            ((Float8Vector) root.getVector(cols[c])).setSafe(i, v[c]);
        }
    }

    private static Path write(Path file, Schema schema, BufferAllocator allocator, List<?> rows,
            BiConsumer<VectorSchemaRoot, Integer> fill) {
        try {
            ArrowTableFile.write(file, schema, rows.size(), allocator, fill::accept);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
