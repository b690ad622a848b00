package io.avreplay.replay.arrow;

import io.avreplay.replay.log.StreamKind;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schemas of log format v1, one per file kind. The spec is {@code docs/log-format.md}; this
 * class is its executable form. Every schema carries the metadata key {@code avreplay.stream}.
 */
public final class LogSchemas {
    /** Schema-metadata key naming the stream kind, e.g. {@code lidar}. */
    public static final String META_STREAM = "avreplay.stream";
    /** Schema-metadata key naming the sensor id. */
    public static final String META_SENSOR = "avreplay.sensor";
    /** Schema-metadata key holding the format version. */
    public static final String META_VERSION = "avreplay.format_version";

    static final ArrowType INT64 = new ArrowType.Int(64, true);
    static final ArrowType INT32 = new ArrowType.Int(32, true);
    static final ArrowType INT16 = new ArrowType.Int(16, true);
    static final ArrowType INT8 = new ArrowType.Int(8, true);
    static final ArrowType UINT8 = new ArrowType.Int(8, false);
    static final ArrowType F32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    static final ArrowType F64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;
    static final ArrowType BINARY = ArrowType.Binary.INSTANCE;

    private LogSchemas() {
    }

    static Field required(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    static Field optional(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static Map<String, String> meta(String stream, String sensor) {
        return Map.of(META_STREAM, stream, META_SENSOR, sensor, META_VERSION, "1");
    }

    /** Lidar: one record batch per sweep; sweep timestamps are in {@code index.arrow}. */
    public static Schema lidar(String sensor) {
        return new Schema(List.of(
                required("x", F32), required("y", F32), required("z", F32), required("intensity", F32),
                required("ring", UINT8), required("offset_ns", INT32)), meta(StreamKind.LIDAR.id(), sensor));
    }

    /** Camera: one row (and one batch) per frame. */
    public static Schema camera(String sensor) {
        return new Schema(List.of(
                required("timestamp_ns", INT64), required("encoding", UTF8), required("data", BINARY),
                required("width", INT32), required("height", INT32)), meta(StreamKind.CAMERA.id(), sensor));
    }

    /** Ego poses: many rows per batch. */
    public static Schema egoPose() {
        return new Schema(List.of(
                required("timestamp_ns", INT64),
                required("qw", F64), required("qx", F64), required("qy", F64), required("qz", F64),
                required("tx", F64), required("ty", F64), required("tz", F64),
                required("vx", F64), required("vy", F64), required("vz", F64)), meta(StreamKind.EGO_POSE.id(), "ego"));
    }

    /** 3D ground truth: one batch per annotated timestamp, boxes in the ego frame. */
    public static Schema annotations3d() {
        return new Schema(List.of(
                required("timestamp_ns", INT64), required("track_id", UTF8), required("category", UTF8),
                required("x", F64), required("y", F64), required("z", F64),
                required("length", F64), required("width", F64), required("height", F64), required("yaw", F64),
                required("vx", F64), required("vy", F64), required("num_lidar_points", INT32),
                required("attribute", UTF8), required("visibility", F32)),
                meta(StreamKind.ANNOTATIONS_3D.id(), "annotations"));
    }

    /** 2D ground truth of one camera: one batch per annotated frame. */
    public static Schema annotations2d(String camera) {
        return new Schema(List.of(
                required("timestamp_ns", INT64), required("track_id", UTF8), required("category", UTF8),
                required("x1", F64), required("y1", F64), required("x2", F64), required("y2", F64),
                required("truncation", F32), required("occlusion", INT8)),
                meta(StreamKind.ANNOTATIONS_2D.id(), camera));
    }

    /** Calibration: one row per sensor; camera-only columns are null for lidars. */
    public static Schema calibration() {
        return new Schema(List.of(
                required("sensor_id", UTF8), required("kind", UTF8),
                required("qw", F64), required("qx", F64), required("qy", F64), required("qz", F64),
                required("tx", F64), required("ty", F64), required("tz", F64),
                optional("fx", F64), optional("fy", F64), optional("cx", F64), optional("cy", F64),
                optional("width", INT32), optional("height", INT32), optional("distortion_model", UTF8),
                new Field("distortion_coeffs", FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(required("item", F64)))),
                Map.of(META_STREAM, "calibration", META_VERSION, "1"));
    }

    /**
     * The time index: for every frame of every stream, its timestamp and where it is stored, plus the
     * CRC-32C of the record batch that holds it so a single corrupt batch can be named.
     */
    public static Schema timeIndex() {
        return new Schema(List.of(
                required("stream", UTF8), required("timestamp_ns", INT64), required("batch", INT32),
                required("row", INT32), required("batch_crc32c", INT64)),
                Map.of(META_STREAM, "index", META_VERSION, "1"));
    }

    /** @return the schema a stream of this kind must have */
    public static Schema forStream(StreamKind kind, String sensor) {
        return switch (kind) {
            case LIDAR -> lidar(sensor);
            case CAMERA -> camera(sensor);
            case EGO_POSE -> egoPose();
            case ANNOTATIONS_3D -> annotations3d();
            case ANNOTATIONS_2D -> annotations2d(sensor);
        };
    }

    /** @return the file path, relative to the log directory, of a stream */
    public static String fileFor(StreamKind kind, String sensor) {
        return switch (kind) {
            case LIDAR -> "lidar/" + sensor + ".arrow";
            case CAMERA -> "camera/" + sensor + ".arrow";
            case EGO_POSE -> "ego_pose.arrow";
            case ANNOTATIONS_3D -> "annotations.arrow";
            case ANNOTATIONS_2D -> "annotations_2d/" + sensor + ".arrow";
        };
    }

    /** The calibration file's relative path. */
    public static final String CALIBRATION_FILE = "calibration.arrow";
    /** The time index file's relative path. */
    public static final String INDEX_FILE = "index.arrow";
}
