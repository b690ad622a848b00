package io.avreplay.replay.arrow;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.log.SensorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/** Encodes all sensors' calibration as one record batch and back. */
final class CalibrationCodec {
    private static final String[] POSE = {"qw", "qx", "qy", "qz", "tx", "ty", "tz"};

    private CalibrationCodec() {
    }

    static void encode(List<SensorCalibration> sensors, VectorSchemaRoot root) {
        root.allocateNew();
        UnionListWriter coeffs = Columns.vector(root, "distortion_coeffs", ListVector.class).getWriter();
        for (int i = 0; i < sensors.size(); i++) {
            SensorCalibration s = sensors.get(i);
            Columns.setString(Columns.vector(root, "sensor_id", VarCharVector.class), i, s.sensorId());
            Columns.setString(Columns.vector(root, "kind", VarCharVector.class), i, s.kind().id());
            Quaternion q = s.sensorToEgo().rotation();
            Vec3 t = s.sensorToEgo().translation();
            double[] p = {q.w(), q.x(), q.y(), q.z(), t.x(), t.y(), t.z()};
            for (int c = 0; c < POSE.length; c++) {
                Columns.vector(root, POSE[c], Float8Vector.class).setSafe(i, p[c]);
            }
            if (s.intrinsics().isPresent()) {
                CameraIntrinsics k = s.intrinsics().get();
                Columns.vector(root, "fx", Float8Vector.class).setSafe(i, k.fx());
                Columns.vector(root, "fy", Float8Vector.class).setSafe(i, k.fy());
                Columns.vector(root, "cx", Float8Vector.class).setSafe(i, k.cx());
                Columns.vector(root, "cy", Float8Vector.class).setSafe(i, k.cy());
                Columns.vector(root, "width", IntVector.class).setSafe(i, k.width());
                Columns.vector(root, "height", IntVector.class).setSafe(i, k.height());
                Columns.setString(Columns.vector(root, "distortion_model", VarCharVector.class), i, k.distortionModel());
                coeffs.setPosition(i);
                coeffs.startList();
                for (double c : k.distortionCoeffs()) {
                    coeffs.writeFloat8(c);
                }
                coeffs.endList();
            } else {
                Columns.vector(root, "fx", Float8Vector.class).setNull(i);
                Columns.vector(root, "fy", Float8Vector.class).setNull(i);
                Columns.vector(root, "cx", Float8Vector.class).setNull(i);
                Columns.vector(root, "cy", Float8Vector.class).setNull(i);
                Columns.vector(root, "width", IntVector.class).setNull(i);
                Columns.vector(root, "height", IntVector.class).setNull(i);
                Columns.vector(root, "distortion_model", VarCharVector.class).setNull(i);
            }
        }
        coeffs.setValueCount(sensors.size());
        root.setRowCount(sensors.size());
    }

    static List<SensorCalibration> decode(VectorSchemaRoot root) {
        List<SensorCalibration> out = new ArrayList<>();
        ListVector coeffs = Columns.vector(root, "distortion_coeffs", ListVector.class);
        for (int i = 0; i < root.getRowCount(); i++) {
            String id = Columns.getString(Columns.vector(root, "sensor_id", VarCharVector.class), i);
            SensorKind kind = SensorKind.fromId(Columns.getString(Columns.vector(root, "kind", VarCharVector.class), i));
            double[] p = new double[POSE.length];
            for (int c = 0; c < POSE.length; c++) {
                p[c] = Columns.vector(root, POSE[c], Float8Vector.class).get(i);
            }
            Pose pose = new Pose(new Quaternion(p[0], p[1], p[2], p[3]), new Vec3(p[4], p[5], p[6]));
            Optional<CameraIntrinsics> k = Optional.empty();
            if (kind == SensorKind.CAMERA) {
                List<Double> dc = new ArrayList<>();
                Object raw = coeffs.getObject(i);
                if (raw instanceof List<?> l) {
                    for (Object o : l) {
                        dc.add(((Number) o).doubleValue());
                    }
                }
                k = Optional.of(new CameraIntrinsics(
                        Columns.vector(root, "fx", Float8Vector.class).get(i),
                        Columns.vector(root, "fy", Float8Vector.class).get(i),
                        Columns.vector(root, "cx", Float8Vector.class).get(i),
                        Columns.vector(root, "cy", Float8Vector.class).get(i),
                        Columns.vector(root, "width", IntVector.class).get(i),
                        Columns.vector(root, "height", IntVector.class).get(i),
                        Columns.getString(Columns.vector(root, "distortion_model", VarCharVector.class), i), dc));
            }
            out.add(new SensorCalibration(id, kind, pose, k));
        }
        return out;
    }
}
