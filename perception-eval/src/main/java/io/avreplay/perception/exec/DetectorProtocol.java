package io.avreplay.perception.exec;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schemas of the exec protocol (docs/detector-protocol.md) and the conversions: frame sets into
 * request rows, answer rows into detection records (the only place an exec model's output becomes
 * records). Stateless; thread-safe.
 */
final class DetectorProtocol {
    static final ArrowType I64 = new ArrowType.Int(64, true);
    static final ArrowType I32 = new ArrowType.Int(32, true);
    static final ArrowType F32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    static final ArrowType F64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    /** Answer columns of a 3D model: lists of equal length, one element per box (ego frame). */
    static final List<String> BOX3D = List.of("x", "y", "z", "length", "width", "height", "yaw", "vx", "vy", "score");
    /** Request columns of the ego-to-world pose at the request's timestamp (NaN when the log has no poses). */
    static final List<String> EGO_POSE = List.of("ego_tx", "ego_ty", "ego_tz", "ego_qw", "ego_qx", "ego_qy", "ego_qz");
    /** Answer columns of a 2D model: lists of equal length, one element per box (pixels). */
    static final List<String> BOX2D = List.of("x1", "y1", "x2", "y2", "score");

    private DetectorProtocol() {
    }

    /** One row per sensor frame of a request; every row repeats the request's id and timestamp. */
    static Schema requestSchema() {
        List<Field> f = new ArrayList<>();
        f.add(field("request_id", I64));
        f.add(field("timestamp_ns", I64));
        f.add(field("sensor_id", ArrowType.Utf8.INSTANCE));
        f.add(field("kind", ArrowType.Utf8.INSTANCE));
        f.add(field("sensor_timestamp_ns", I64));
        for (String c : List.of("x", "y", "z", "intensity")) {
            f.add(list(c, F32));
        }
        f.add(field("image", ArrowType.Binary.INSTANCE));
        f.add(field("encoding", ArrowType.Utf8.INSTANCE));
        f.add(field("width", I32));
        f.add(field("height", I32));
        for (String c : List.of("fx", "fy", "cx", "cy", "tx", "ty", "tz", "qw", "qx", "qy", "qz")) {
            f.add(field(c, F64));
        }
        for (String c : EGO_POSE) {
            f.add(field(c, F64));
        }
        return new Schema(f);
    }

    /** Exactly one row per request: its id, then the detections as lists. */
    static Schema answerSchema(ModelTask task) {
        List<Field> f = new ArrayList<>();
        f.add(field("request_id", I64));
        if (task == ModelTask.CAMERA_2D) {
            f.add(list("camera_id", ArrowType.Utf8.INSTANCE));
        }
        for (String c : task == ModelTask.LIDAR_3D ? BOX3D : BOX2D) {
            f.add(list(c, F64));
        }
        f.add(list("label", ArrowType.Utf8.INSTANCE));
        return new Schema(f);
    }

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    static Field list(String name, ArrowType element) {
        return new Field(name, FieldType.notNullable(ArrowType.List.INSTANCE),
                List.of(new Field("item", FieldType.notNullable(element), null)));
    }

    /** Fills {@code root} (of {@link #requestSchema()}) with the frames of {@code frames}. */
    static void encode(long requestId, FrameSet frames, VectorSchemaRoot root) {
        root.allocateNew();
        int row = 0;
        for (LidarSweep s : frames.sweeps()) {
            SensorCalibration cal = frames.calibration(s.sensorId()).orElseThrow();
            common(root, row, requestId, frames, s.sensorId(), "lidar", s.timestampNs(), cal);
            floats(root, "x", row, s.x());
            floats(root, "y", row, s.y());
            floats(root, "z", row, s.z());
            floats(root, "intensity", row, s.intensity());
            ((VarBinaryVector) root.getVector("image")).setSafe(row, new byte[0]);
            ((VarCharVector) root.getVector("encoding")).setSafe(row, new byte[0]);
            ((IntVector) root.getVector("width")).setSafe(row, 0);
            ((IntVector) root.getVector("height")).setSafe(row, 0);
            intrinsics(root, row, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            row++;
        }
        for (CameraFrame c : frames.cameras()) {
            SensorCalibration cal = frames.calibration(c.sensorId()).orElseThrow();
            common(root, row, requestId, frames, c.sensorId(), "camera", c.timestampNs(), cal);
            for (String n : List.of("x", "y", "z", "intensity")) {
                floats(root, n, row, new float[0]);
            }
            ((VarBinaryVector) root.getVector("image")).setSafe(row, c.data());
            ((VarCharVector) root.getVector("encoding")).setSafe(row,
                    c.encoding().name().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            ((IntVector) root.getVector("width")).setSafe(row, c.width());
            ((IntVector) root.getVector("height")).setSafe(row, c.height());
            CameraIntrinsics k = cal.intrinsics().orElse(null);
            intrinsics(root, row, k == null ? Double.NaN : k.fx(), k == null ? Double.NaN : k.fy(),
                    k == null ? Double.NaN : k.cx(), k == null ? Double.NaN : k.cy());
            row++;
        }
        root.setRowCount(row);
    }

    /** @return translation x, y, z then rotation w, x, y, z */
    private static double[] pose(Pose p) {
        return new double[] {p.translation().x(), p.translation().y(), p.translation().z(), p.rotation().w(),
            p.rotation().x(), p.rotation().y(), p.rotation().z()};
    }

    private static void common(VectorSchemaRoot root, int row, long id, FrameSet frames, String sensor, String kind,
            long st, SensorCalibration cal) {
        ((BigIntVector) root.getVector("request_id")).setSafe(row, id);
        ((BigIntVector) root.getVector("timestamp_ns")).setSafe(row, frames.timestampNs());
        double[] ego = frames.egoPose().map(e -> pose(e.egoToWorld())).orElse(new double[] {Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        for (int i = 0; i < EGO_POSE.size(); i++) {
            ((Float8Vector) root.getVector(EGO_POSE.get(i))).setSafe(row, ego[i]);
        }
        ((VarCharVector) root.getVector("sensor_id")).setSafe(row, sensor.getBytes(StandardCharsets.UTF_8));
        ((VarCharVector) root.getVector("kind")).setSafe(row, kind.getBytes(StandardCharsets.UTF_8));
        ((BigIntVector) root.getVector("sensor_timestamp_ns")).setSafe(row, st);
        double[] v = pose(cal.sensorToEgo());
        String[] n = {"tx", "ty", "tz", "qw", "qx", "qy", "qz"};
        for (int i = 0; i < n.length; i++) {
            ((Float8Vector) root.getVector(n[i])).setSafe(row, v[i]);
        }
    }

    private static void intrinsics(VectorSchemaRoot root, int row, double fx, double fy, double cx, double cy) {
        ((Float8Vector) root.getVector("fx")).setSafe(row, fx);
        ((Float8Vector) root.getVector("fy")).setSafe(row, fy);
        ((Float8Vector) root.getVector("cx")).setSafe(row, cx);
        ((Float8Vector) root.getVector("cy")).setSafe(row, cy);
    }

    private static void floats(VectorSchemaRoot root, String name, int row, float[] values) {
        ListVector l = (ListVector) root.getVector(name);
        Float4Vector data = (Float4Vector) l.getDataVector();
        int start = l.startNewValue(row);
        for (int i = 0; i < values.length; i++) {
            data.setSafe(start + i, values[i]);
        }
        l.endValue(row, values.length);
        data.setValueCount(start + values.length);
    }

    /**
     * Checks an answer's schema against {@link #answerSchema}: same field names, in order, same types.
     *
     * @throws BadInputException naming the first field that differs, expected versus actual
     */
    static void checkSchema(Schema actual, ModelTask task, String where) {
        List<Field> want = answerSchema(task).getFields();
        List<Field> got = actual.getFields();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? describe(want.get(i)) : "(no field)";
            String g = i < got.size() ? describe(got.get(i)) : "(no field)";
            if (!w.equals(g)) {
                throw new BadInputException(where + ": answer schema field " + i + ": expected " + w + ", got " + g);
            }
        }
    }

    private static String describe(Field f) {
        String t = f.getType().toString();
        if (f.getType() instanceof ArrowType.List || f.getType() instanceof ArrowType.LargeList) {
            t = "List<" + f.getChildren().get(0).getType() + ">";
        }
        return f.getName() + ": " + t;
    }

    /**
     * Converts the one-row answer to request {@code requestId} into records, dropping boxes under the card's
     * score threshold and keeping its {@code maxDetections} best.
     *
     * @throws BadInputException when the batch has not one row, the id differs, the lists differ in length,
     *                           a label is not one of the card's classes or a box is invalid
     */
    static Answer decode(VectorSchemaRoot root, long requestId, ModelCard card, String where) {
        if (root.getRowCount() != 1) {
            throw new BadInputException(where + ": answer to request " + requestId + ": expected 1 row, got "
                    + root.getRowCount());
        }
        long id = ((BigIntVector) root.getVector("request_id")).get(0);
        if (id != requestId) {
            throw new BadInputException(where + ": answer carries request_id " + id + ", expected " + requestId);
        }
        List<String> labels = strings((ListVector) root.getVector("label"));
        List<String> columns = card.task() == ModelTask.LIDAR_3D ? BOX3D : BOX2D;
        double[][] v = new double[columns.size()][];
        for (int c = 0; c < v.length; c++) {
            v[c] = doubles((ListVector) root.getVector(columns.get(c)));
            if (v[c].length != labels.size()) {
                throw new BadInputException(where + ": answer to request " + requestId + ": column " + columns.get(c)
                        + " has " + v[c].length + " values, label has " + labels.size());
            }
        }
        List<String> cameras = card.task() == ModelTask.CAMERA_2D
                ? strings((ListVector) root.getVector("camera_id")) : List.of();
        List<Detection3d> d3 = new ArrayList<>();
        List<Detection2d> d2 = new ArrayList<>();
        int score = columns.indexOf("score");
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (!card.classes().contains(label)) {
                throw new BadInputException(where + ": answer to request " + requestId + ", box " + i + ": label '"
                        + label + "' is not one of the card's classes " + card.classes());
            }
            if (v[score][i] < card.scoreThreshold()) {
                continue;
            }
            try {
                double s = v[score][i];
                if (!(s >= 0 && s <= 1)) {
                    throw new IllegalArgumentException("score must be in [0, 1], got " + s);
                }
                if (card.task() == ModelTask.LIDAR_3D) {
                    d3.add(Detection3d.of(Box3d.ego(new Vec3(v[0][i], v[1][i], v[2][i]), v[3][i], v[4][i],
                            v[5][i], v[6][i]), label, s, v[7][i], v[8][i]));
                } else {
                    d2.add(Detection2d.of(cameras.get(i), new Box2d(v[0][i], v[1][i], v[2][i], v[3][i]), label, s));
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": answer to request " + requestId + ", box " + i + ": "
                        + e.getMessage(), e);
            }
        }
        d3.sort(Comparator.comparingDouble(Detection3d::score).reversed());
        d2.sort(Comparator.comparingDouble(Detection2d::score).reversed());
        int max = card.maxDetections();
        return new Answer(d3.subList(0, Math.min(max, d3.size())), d2.subList(0, Math.min(max, d2.size())));
    }

    /** Detections of one answer. */
    record Answer(List<Detection3d> objects3d, List<Detection2d> objects2d) {
        Answer {
            objects3d = List.copyOf(objects3d);
            objects2d = List.copyOf(objects2d);
        }
    }

    private static double[] doubles(ListVector l) {
        Float8Vector data = (Float8Vector) l.getDataVector();
        int from = l.getElementStartIndex(0);
        int to = l.getElementEndIndex(0);
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = data.get(i);
        }
        return out;
    }

    private static List<String> strings(ListVector l) {
        FieldVector data = l.getDataVector();
        int from = l.getElementStartIndex(0);
        int to = l.getElementEndIndex(0);
        List<String> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new String(((VarCharVector) data).get(i), StandardCharsets.UTF_8));
        }
        return out;
    }
}
