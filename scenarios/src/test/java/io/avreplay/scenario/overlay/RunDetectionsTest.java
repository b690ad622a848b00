package io.avreplay.scenario.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.object.Detection3d;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Reads the tables {@code avreplay run --out} writes (columns as documented in DetectionTables). */
class RunDetectionsTest extends ArrowTest {
    private static final List<String> DOUBLES = List.of("x", "y", "z", "length", "width", "height", "yaw", "vx", "vy",
            "score");

    @Test
    void readsThe3dTableAndIndexesByLogAndTimestamp() throws Exception {
        Path run = tmp.resolve("run");
        java.nio.file.Files.createDirectories(run);
        write3d(run.resolve("detections_3d.arrow"), new Object[][] {
            {"log-a", 100L, "car", 1.0, 2.0, 0.5, 4.0, 2.0, 1.5, 0.1, 0.0, 0.0, 0.9},
            {"log-a", 100L, "pedestrian", 5.0, 0.0, 0.9, 0.8, 0.7, 1.8, 0.0, 0.0, 0.0, 0.2},
            {"log-b", 100L, "car", 9.0, 9.0, 0.5, 4.0, 2.0, 1.5, 0.0, 0.0, 0.0, 0.5}});
        RunDetections d = RunDetections.read(run, allocator);
        List<Detection3d> a = d.at("log-a", 100L);
        assertEquals(2, a.size());
        assertEquals("car", a.get(0).category());
        assertEquals(2.0, a.get(0).box().centre().y());
        assertEquals(4.0, a.get(0).box().length());
        assertEquals(0.1, a.get(0).box().yaw());
        assertEquals(1, d.at("log-b", 100L).size());
        assertTrue(d.at("log-a", 101L).isEmpty());
        assertTrue(d.at("log-a", "cam", 100L).isEmpty(), "no 2D table: no 2D detections");
        // the 0.3 floor keeps the 0.9 car of log-a and the 0.5 car of log-b
        RunDetections floor = d.withMinScore(0.3);
        assertEquals(List.of("car"), floor.at("log-a", 100L).stream().map(Detection3d::category).toList());
        assertEquals(0.3, floor.minScore());
    }

    @Test
    void aDirectoryWithoutTheTableIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> RunDetections.read(tmp, allocator));
        assertTrue(e.getMessage().contains("detections_3d.arrow"), e.getMessage());
    }

    private void write3d(Path file, Object[][] rows) throws Exception {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("log_id", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        fields.add(new Field("sample_token", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        fields.add(new Field("timestamp_ns", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        fields.add(new Field("category", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        DOUBLES.forEach(n -> fields.add(new Field(n, FieldType.notNullable(
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null)));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            root.allocateNew();
            for (int i = 0; i < rows.length; i++) {
                Object[] r = rows[i];
                ((VarCharVector) root.getVector("log_id")).setSafe(i, ((String) r[0]).getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) root.getVector("sample_token")).setSafe(i, ("t" + i).getBytes(StandardCharsets.UTF_8));
                ((BigIntVector) root.getVector("timestamp_ns")).setSafe(i, (Long) r[1]);
                ((VarCharVector) root.getVector("category")).setSafe(i, ((String) r[2]).getBytes(StandardCharsets.UTF_8));
                for (int k = 0; k < DOUBLES.size(); k++) {
                    ((Float8Vector) root.getVector(DOUBLES.get(k))).setSafe(i, (Double) r[3 + k]);
                }
            }
            root.setRowCount(rows.length);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
                w.start();
                w.writeBatch();
                w.end();
            }
        }
    }
}
