package io.avreplay.replay.export;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The schemas of the flat export tables (documented in {@code docs/export-formats.md}) and how rows are filled. */
final class FlatTables {
        private static final ArrowType I32 = new ArrowType.Int(32, true);
    private static final ArrowType I8 = new ArrowType.Int(8, true);
    private static final ArrowType U8 = new ArrowType.Int(8, false);
    private static final ArrowType F32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    private static final ArrowType F64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    /**
     * Nanoseconds since the Unix epoch (UTC), with no time zone attached: DuckDB reads a UTC-adjusted Parquet
     * timestamp as microsecond TIMESTAMPTZ and would drop the nanoseconds; this one it reads as TIMESTAMP_NS.
     */
    private static final ArrowType TIME_NS = new ArrowType.Timestamp(TimeUnit.NANOSECOND, null);

    private FlatTables() {
    }

    private static Field f(String name, ArrowType t) {
        return new Field(name, FieldType.notNullable(t), null);
    }

    private static Field nullable(String name, ArrowType t) {
        return new Field(name, FieldType.nullable(t), null);
    }

    static Schema points() {
        return new Schema(List.of(f("sensor", UTF8), f("timestamp_ns", TIME_NS), f("x", F32), f("y", F32), f("z", F32),
                f("intensity", F32), f("ring", U8), f("offset_ns", I32)));
    }

    static Schema boxes() {
        return new Schema(List.of(f("timestamp_ns", TIME_NS), f("track_id", UTF8), f("category", UTF8), f("x", F64), f("y", F64),
                f("z", F64), f("length", F64), f("width", F64), f("height", F64), f("yaw", F64), f("vx", F64), f("vy", F64),
                f("num_lidar_points", I32), f("attribute", UTF8), f("visibility", F32)));
    }

    static Schema boxes2d() {
        return new Schema(List.of(f("camera", UTF8), f("timestamp_ns", TIME_NS), f("track_id", UTF8), f("category", UTF8),
                f("x1", F64), f("y1", F64), f("x2", F64), f("y2", F64), f("truncation", F32), f("occlusion", I8)));
    }

    static Schema poses() {
        return new Schema(List.of(f("timestamp_ns", TIME_NS), f("qw", F64), f("qx", F64), f("qy", F64), f("qz", F64),
                f("tx", F64), f("ty", F64), f("tz", F64), f("vx", F64), f("vy", F64), f("vz", F64)));
    }

    static Schema calibration() {
        return new Schema(List.of(f("sensor_id", UTF8), f("kind", UTF8), f("qw", F64), f("qx", F64), f("qy", F64),
                f("qz", F64), f("tx", F64), f("ty", F64), f("tz", F64), nullable("fx", F64), nullable("fy", F64),
                nullable("cx", F64), nullable("cy", F64), nullable("width", I32), nullable("height", I32),
                nullable("distortion_model", UTF8),
                new Field("distortion_coeffs", FieldType.nullable(ArrowType.List.INSTANCE), List.of(f("element", F64)))));
    }

    static void fillPoints(VectorSchemaRoot root, LidarSweep s) {
        root.allocateNew();
        int n = s.size();
        byte[] id = s.sensorId().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < n; i++) {
            ((VarCharVector) root.getVector("sensor")).setSafe(i, id);
            ((TimeStampNanoVector) root.getVector("timestamp_ns")).setSafe(i, s.timestampNs());
            ((Float4Vector) root.getVector("x")).setSafe(i, s.x()[i]);
            ((Float4Vector) root.getVector("y")).setSafe(i, s.y()[i]);
            ((Float4Vector) root.getVector("z")).setSafe(i, s.z()[i]);
            ((Float4Vector) root.getVector("intensity")).setSafe(i, s.intensity()[i]);
            ((UInt1Vector) root.getVector("ring")).setSafe(i, s.ring()[i]);
            ((IntVector) root.getVector("offset_ns")).setSafe(i, s.offsetNs()[i]);
        }
        root.setRowCount(n);
    }

    static void fillBoxes(VectorSchemaRoot root, AnnotationFrame<GroundTruth3d> f) {
        root.allocateNew();
        List<GroundTruth3d> boxes = f.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            GroundTruth3d a = boxes.get(i);
            ((TimeStampNanoVector) root.getVector("timestamp_ns")).setSafe(i, f.timestampNs());
            text(root, "track_id", i, a.trackId());
            text(root, "category", i, a.category());
            f64(root, "x", i, a.box().centre().x());
            f64(root, "y", i, a.box().centre().y());
            f64(root, "z", i, a.box().centre().z());
            f64(root, "length", i, a.box().length());
            f64(root, "width", i, a.box().width());
            f64(root, "height", i, a.box().height());
            f64(root, "yaw", i, a.box().yaw());
            f64(root, "vx", i, a.vx());
            f64(root, "vy", i, a.vy());
            ((IntVector) root.getVector("num_lidar_points")).setSafe(i, a.numPoints());
            text(root, "attribute", i, a.attribute());
            ((Float4Vector) root.getVector("visibility")).setSafe(i, a.visibility());
        }
        root.setRowCount(boxes.size());
    }

    static void fillBoxes2d(VectorSchemaRoot root, String camera, AnnotationFrame<GroundTruth2d> f) {
        root.allocateNew();
        List<GroundTruth2d> boxes = f.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            GroundTruth2d a = boxes.get(i);
            text(root, "camera", i, camera);
            ((TimeStampNanoVector) root.getVector("timestamp_ns")).setSafe(i, f.timestampNs());
            text(root, "track_id", i, a.trackId());
            text(root, "category", i, a.category());
            f64(root, "x1", i, a.box().x1());
            f64(root, "y1", i, a.box().y1());
            f64(root, "x2", i, a.box().x2());
            f64(root, "y2", i, a.box().y2());
            ((Float4Vector) root.getVector("truncation")).setSafe(i, a.truncation());
            ((TinyIntVector) root.getVector("occlusion")).setSafe(i, a.occlusion());
        }
        root.setRowCount(boxes.size());
    }

    static void fillPoses(VectorSchemaRoot root, List<EgoPose> poses) {
        root.allocateNew();
        for (int i = 0; i < poses.size(); i++) {
            EgoPose p = poses.get(i);
            ((TimeStampNanoVector) root.getVector("timestamp_ns")).setSafe(i, p.timestampNs());
            pose(root, i, p.egoToWorld());
            f64(root, "vx", i, p.velocity().x());
            f64(root, "vy", i, p.velocity().y());
            f64(root, "vz", i, p.velocity().z());
        }
        root.setRowCount(poses.size());
    }

    static void fillCalibration(VectorSchemaRoot root, List<SensorCalibration> cals) {
        root.allocateNew();
        UnionListWriter coeffs = ((ListVector) root.getVector("distortion_coeffs")).getWriter();
        for (int i = 0; i < cals.size(); i++) {
            SensorCalibration c = cals.get(i);
            text(root, "sensor_id", i, c.sensorId());
            text(root, "kind", i, c.kind().id());
            pose(root, i, c.sensorToEgo());
            if (c.intrinsics().isPresent()) {
                CameraIntrinsics k = c.intrinsics().get();
                f64(root, "fx", i, k.fx());
                f64(root, "fy", i, k.fy());
                f64(root, "cx", i, k.cx());
                f64(root, "cy", i, k.cy());
                ((IntVector) root.getVector("width")).setSafe(i, k.width());
                ((IntVector) root.getVector("height")).setSafe(i, k.height());
                text(root, "distortion_model", i, k.distortionModel());
                coeffs.setPosition(i);
                coeffs.startList();
                for (double d : k.distortionCoeffs()) {
                    coeffs.writeFloat8(d);
                }
                coeffs.endList();
            } else {
                for (String col : List.of("fx", "fy", "cx", "cy", "width", "height", "distortion_model")) {
                    root.getVector(col).setNull(i);
                }
                // distortion_coeffs: a list row never started stays null (validity zeroed by allocateNew)
            }
        }
        coeffs.setValueCount(cals.size());
        root.setRowCount(cals.size());
    }

    private static void pose(VectorSchemaRoot root, int i, Pose p) {
        f64(root, "qw", i, p.rotation().w());
        f64(root, "qx", i, p.rotation().x());
        f64(root, "qy", i, p.rotation().y());
        f64(root, "qz", i, p.rotation().z());
        f64(root, "tx", i, p.translation().x());
        f64(root, "ty", i, p.translation().y());
        f64(root, "tz", i, p.translation().z());
    }

    private static void f64(VectorSchemaRoot root, String col, int i, double v) {
        ((Float8Vector) root.getVector(col)).setSafe(i, v);
    }

    private static void text(VectorSchemaRoot root, String col, int i, String v) {
        ((VarCharVector) root.getVector(col)).setSafe(i, v.getBytes(StandardCharsets.UTF_8));
    }
}
