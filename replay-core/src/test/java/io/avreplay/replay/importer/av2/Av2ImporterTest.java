package io.avreplay.replay.importer.av2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.SchemaMismatchException;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.inspect.LogValidator;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.RealData;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
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

class Av2ImporterTest extends ArrowTest {
    static final Path SAMPLE = RealData.sample("av2-sensor-sample");
    static final String LOG_7F = "7fab2350-7eaf-3b7e-a39d-6937a4c1bede";

    @Test
    void everyCuboidHoldsItsStoredNumberOfInteriorPoints() {
        Path out = tmp.resolve("av2");
        ImportReport r = Av2Importer.importDataset(SAMPLE, out, allocator, ImportOptions.defaults());
        assertEquals(2, r.logs().size());
        assertEquals(3, r.frames());
        // only cuboids inside the imported sweeps' span: the 81 + 81 at 7fab2350's two sweeps, 47 at adcf7d18's one
        assertEquals(81 + 81 + 47, r.boxes3d());
        ImportCheck c = r.checks().get(0);
        // MANIFEST.md: 81 + 81 cuboids at the two sweeps of 7fab2350, 47 at the sweep of adcf7d18.
        assertEquals(209, c.total(), c.summary());
        assertEquals(209, c.passed(), c.summary());
        assertTrue(c.satisfied());

        try (LogReader log = LogReader.open(out.resolve(LOG_7F), allocator)) {
            LidarSweep s = log.lidar(Av2Importer.LIDAR).read(0);
            assertEquals(99_229, s.size());
            assertEquals(315966265259836000L, s.timestampNs());
            assertEquals(2706, log.egoTrajectory().size());
            assertEquals(2, log.annotations3d().orElseThrow().size());
            SensorCalibration front = log.calibration("ring_front_center").orElseThrow();
            assertEquals(1550, front.intrinsics().orElseThrow().width());
            assertEquals(2048, front.intrinsics().orElseThrow().height());
            assertTrue(log.calibration("up_lidar").isPresent());
            List<GroundTruth3d> boxes = log.annotations3d().orElseThrow().read(0).boxes();
            assertTrue(boxes.stream().allMatch(b -> b.category().equals(b.category().toLowerCase())));
            assertEquals("PIT", log.manifest().location());
        }
    }

    /** Ecosystem finding: 638 pose "gaps" (5/10 ms alternation) and 154 cuboid frames outside the sweeps. */
    @Test
    void realLogsThatImportCleanlyValidate() {
        Path out = tmp.resolve("av2");
        Av2Importer.importDataset(SAMPLE, out, allocator, ImportOptions.defaults());
        for (String id : List.of(LOG_7F, "adcf7d18-0510-35b0-a2fa-b4cea13a6d76")) {
            assertEquals(List.of(), LogValidator.validate(out.resolve(id), allocator), id);
        }
    }

    @Test
    void importingTwiceGivesIdenticalFiles() {
        Av2Importer.importDataset(SAMPLE.resolve("logs/" + LOG_7F), tmp.resolve("a"), allocator, ImportOptions.defaults());
        Av2Importer.importDataset(SAMPLE.resolve("logs/" + LOG_7F), tmp.resolve("b"), allocator, ImportOptions.defaults());
        assertEquals(RealData.hashes(tmp.resolve("a")), RealData.hashes(tmp.resolve("b")));
    }

    @Test
    void aPoseFileWithoutAColumnIsRejectedNamingFileAndColumn() throws IOException {
        Path src = RealData.copyTree(SAMPLE.resolve("logs/" + LOG_7F), tmp.resolve("src"));
        writePoses(src.resolve("city_SE3_egovehicle.feather"), "qw", true);
        SchemaMismatchException e = assertRejected(src);
        assertTrue(e.getMessage().contains("city_SE3_egovehicle.feather: missing column 'qw' (expected float64)"),
                e.getMessage());
    }

    @Test
    void aPoseFileWithAColumnOfWrongTypeIsRejected() throws IOException {
        Path src = RealData.copyTree(SAMPLE.resolve("logs/" + LOG_7F), tmp.resolve("src"));
        writePoses(src.resolve("city_SE3_egovehicle.feather"), "tx_m", false);
        SchemaMismatchException e = assertRejected(src);
        assertTrue(e.getMessage().contains("city_SE3_egovehicle.feather: column 'tx_m' has type Utf8, expected float64"),
                e.getMessage());
    }

    private SchemaMismatchException assertRejected(Path src) {
        Path out = tmp.resolve("out");
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
                () -> Av2Importer.importDataset(src, out, allocator, ImportOptions.defaults()));
        assertFalse(Files.exists(out));
        assertEquals(List.of("src"), RealData.entries(tmp));
        return e;
    }

    /** A one-row pose table in which {@code column} is dropped ({@code drop}) or stored as utf8. */
    private void writePoses(Path file, String column, boolean drop) throws IOException {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("timestamp_ns", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        for (String n : List.of("qw", "qx", "qy", "qz", "tx_m", "ty_m", "tz_m")) {
            if (n.equals(column) && drop) {
                continue;
            }
            ArrowType t = n.equals(column) ? ArrowType.Utf8.INSTANCE : new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            fields.add(new Field(n, FieldType.notNullable(t), null));
        }
        Files.delete(file);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            root.allocateNew();
            for (FieldVector v : root.getFieldVectors()) {
                if (v instanceof BigIntVector b) {
                    b.setSafe(0, 315966265259836000L);
                } else if (v instanceof Float8Vector f) {
                    f.setSafe(0, v.getName().equals("qw") ? 1 : 0);
                } else {
                    ((VarCharVector) v).setSafe(0, "0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            root.setRowCount(1);
            w.start();
            w.writeBatch();
            w.end();
        }
    }
}
