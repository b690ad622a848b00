package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.kitti.KittiImporter;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/**
 * The tables in Parquet and CSV, read back with parquet-java's own reader (its reader needs Hadoop classes,
 * a test-only dependency here; writing needs none: see the tools tests) and as text, against the log's values.
 */
class TablesFormatTest extends ArrowTest {
    private Path kittiLog() {
        KittiImporter.importDataset(ExportRoundTripTest.KITTI, tmp.resolve("kitti"), allocator, ImportOptions.defaults());
        return tmp.resolve("kitti/kitti-000001-000002");
    }

    @Test
    void parquetTablesHoldTheLogsValuesWithTimestampAndListTypes() throws IOException {
        Path log = kittiLog();
        List<LidarSweep> sweeps = new ArrayList<>();
        List<GroundTruth3d> boxes = new ArrayList<>();
        List<Long> boxTimes = new ArrayList<>();
        List<SensorCalibration> cals;
        LogTablesExport.Counts counts;
        try (LogReader r = LogReader.open(log, allocator)) {
            counts = LogTablesExport.export(r, tmp.resolve("pq"), TablesFormat.PARQUET, allocator);
            for (int i = 0; i < 2; i++) {
                sweeps.add(r.lidar(KittiImporter.LIDAR).read(i));
                var f = r.annotations3d().orElseThrow().read(i);
                boxes.addAll(f.boxes());
                f.boxes().forEach(b -> boxTimes.add(f.timestampNs()));
            }
            cals = r.calibrations();
        }
        for (String t : List.of("points", "boxes", "boxes_2d", "poses", "calibration")) {
            assertTrue(Files.isRegularFile(tmp.resolve("pq/" + t + ".parquet")), t);
        }

        ParquetTable points = ParquetTable.read(tmp.resolve("pq/points.parquet"));
        assertEquals(CompressionCodecName.ZSTD, points.codec());
        Type ts = points.schema().getType("timestamp_ns");
        assertEquals(PrimitiveTypeName.INT64, ts.asPrimitiveType().getPrimitiveTypeName());
        assertEquals(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.NANOS), ts.getLogicalTypeAnnotation());
        assertEquals(LogicalTypeAnnotation.intType(8, false), points.schema().getType("ring").getLogicalTypeAnnotation());
        assertEquals(PrimitiveTypeName.FLOAT, points.schema().getType("x").asPrimitiveType().getPrimitiveTypeName());
        // 120 268 + 126 891 points in KITTI frames 000001 and 000002 (as in ExportRoundTripTest).
        assertEquals(120_268 + 126_891, points.rows().size());
        assertEquals(counts.points(), points.rows().size());
        LidarSweep second = sweeps.get(1);
        int offset = sweeps.get(0).size();
        for (int i = 0; i < second.size(); i += 997) {
            Group g = points.rows().get(offset + i);
            assertEquals(KittiImporter.LIDAR, g.getString("sensor", 0));
            assertEquals(second.timestampNs(), g.getLong("timestamp_ns", 0));
            assertEquals(second.x()[i], g.getFloat("x", 0));
            assertEquals(second.z()[i], g.getFloat("z", 0));
            assertEquals(second.intensity()[i], g.getFloat("intensity", 0));
            assertEquals(Byte.toUnsignedInt(second.ring()[i]), g.getInteger("ring", 0));
        }

        ParquetTable boxTable = ParquetTable.read(tmp.resolve("pq/boxes.parquet"));
        assertEquals(5, boxTable.rows().size());
        for (int i = 0; i < boxes.size(); i++) {
            Group g = boxTable.rows().get(i);
            GroundTruth3d a = boxes.get(i);
            assertEquals(boxTimes.get(i), g.getLong("timestamp_ns", 0));
            assertEquals(a.category(), g.getString("category", 0));
            assertEquals(a.box().yaw(), g.getDouble("yaw", 0));
            assertEquals(a.box().length(), g.getDouble("length", 0));
            assertEquals(a.numPoints(), g.getInteger("num_lidar_points", 0));
        }
    }

    @Test
    void parquetCalibrationHasNullCameraColumnsForLidarAndAListOfCoefficients() throws IOException {
        Path log = kittiLog();
        List<SensorCalibration> cals;
        try (LogReader r = LogReader.open(log, allocator)) {
            LogTablesExport.export(r, tmp.resolve("pq"), TablesFormat.PARQUET, allocator);
            cals = r.calibrations();
        }
        ParquetTable t = ParquetTable.read(tmp.resolve("pq/calibration.parquet"));
        Type coeffs = t.schema().getType("distortion_coeffs");
        assertEquals(LogicalTypeAnnotation.listType(), coeffs.getLogicalTypeAnnotation());
        assertEquals(Type.Repetition.OPTIONAL, coeffs.getRepetition());
        assertEquals(cals.size(), t.rows().size());
        for (int i = 0; i < cals.size(); i++) {
            Group g = t.rows().get(i);
            SensorCalibration c = cals.get(i);
            assertEquals(c.sensorId(), g.getString("sensor_id", 0));
            assertEquals(c.sensorToEgo().translation().x(), g.getDouble("tx", 0));
            if (c.intrinsics().isEmpty()) {
                assertEquals(0, g.getFieldRepetitionCount("fx"), c.sensorId());
                assertEquals(0, g.getFieldRepetitionCount("distortion_coeffs"), c.sensorId());
                continue;
            }
            CameraIntrinsics k = c.intrinsics().get();
            assertEquals(k.fx(), g.getDouble("fx", 0));
            assertEquals(k.width(), g.getInteger("width", 0));
            Group list = g.getGroup("distortion_coeffs", 0);
            int n = list.getFieldRepetitionCount("list");
            assertEquals(k.distortionCoeffs().size(), n, c.sensorId());
            for (int j = 0; j < n; j++) {
                assertEquals(k.distortionCoeffs().get(j), list.getGroup("list", j).getDouble("element", 0));
            }
        }
    }

    @Test
    void csvTablesHaveAHeaderAndOneLinePerRow() throws IOException {
        Path log = kittiLog();
        GroundTruth3d first;
        long firstTime;
        try (LogReader r = LogReader.open(log, allocator)) {
            LogTablesExport.export(r, tmp.resolve("csv"), TablesFormat.CSV, allocator);
            var f = r.annotations3d().orElseThrow().read(0);
            first = f.boxes().get(0);
            firstTime = f.timestampNs();
        }
        List<String> lines = Files.readAllLines(tmp.resolve("csv/boxes.csv"));
        assertEquals("timestamp_ns,track_id,category,x,y,z,length,width,height,yaw,vx,vy,num_lidar_points,attribute,visibility",
                lines.get(0));
        assertEquals(1 + 5, lines.size());
        String[] cells = lines.get(1).split(",", -1);
        assertEquals(Long.toString(firstTime), cells[0]);
        assertEquals(first.category(), cells[2]);
        assertEquals(first.box().yaw(), Double.parseDouble(cells[9]));
        assertEquals(120_268 + 126_891 + 1, Files.readAllLines(tmp.resolve("csv/points.csv")).size());
        assertFalse(Files.exists(tmp.resolve("csv/points.feather")));
    }

    @Test
    void csvQuotesCommasAndQuotes() {
        // RFC 4180: a field with a comma or a quote is quoted and its quotes doubled.
        assertEquals("plain", CsvTableSink.quote("plain"));
        assertEquals("\"a,b\"", CsvTableSink.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvTableSink.quote("say \"hi\""));
    }
}
