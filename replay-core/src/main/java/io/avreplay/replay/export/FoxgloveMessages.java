package io.avreplay.replay.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/** The JSON bodies of the Foxglove messages {@link McapExport} writes. Stateless. */
final class FoxgloveMessages {
    /** Writes one JSON message. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Bytes per point: x, y, z, intensity (float32 at 0..15), offset_ns (int32 at 16), ring (uint8 at 20), 3 padding bytes. */
    static final int STRIDE = 24;
    private static final int FLOAT32 = 7;
    private static final int UINT8 = 1;
    private static final int INT32 = 6;

    private FoxgloveMessages() {
    }

    private static void time(JsonGenerator g, String field, long ns) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("sec", Math.floorDiv(ns, 1_000_000_000L));
        g.writeNumberField("nsec", Math.floorMod(ns, 1_000_000_000L));
        g.writeEndObject();
    }

    private static void vec(JsonGenerator g, String field, Vec3 v) throws IOException {
        components(g, field, "xyz", v.x(), v.y(), v.z());
    }

    private static void quat(JsonGenerator g, String field, Quaternion q) throws IOException {
        components(g, field, "xyzw", q.x(), q.y(), q.z(), q.w());
    }

    /** {@code field: {n0: v0, n1: v1, ...}}, the names one letter each of {@code names}. */
    private static void components(JsonGenerator g, String field, String names, double... values) throws IOException {
        g.writeObjectFieldStart(field);
        for (int i = 0; i < values.length; i++) {
            g.writeNumberField(names.substring(i, i + 1), values[i]);
        }
        g.writeEndObject();
    }

    private static void pose(JsonGenerator g, String field, Pose p) throws IOException {
        g.writeObjectFieldStart(field);
        vec(g, "position", p.translation());
        quat(g, "orientation", p.rotation());
        g.writeEndObject();
    }

    private static void transform(JsonGenerator g, long t, String parent, String child, Pose childToParent) throws IOException {
        g.writeStartObject();
        time(g, "timestamp", t);
        g.writeStringField("parent_frame_id", parent);
        g.writeStringField("child_frame_id", child);
        vec(g, "translation", childToParent.translation());
        quat(g, "rotation", childToParent.rotation());
        g.writeEndObject();
    }

    /** {@code color: {r, g, b, a}} from the low 24 bits of {@code rgb} (0xRRGGBB), each channel in [0, 1]. */
    private static void colour(JsonGenerator g, int rgb, double alpha) throws IOException {
        components(g, "color", "rgba", ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0,
                alpha);
    }

    /** A {@code FrameTransforms} message whose {@code transforms} array {@code items} writes. */
    private static Body transforms(Body items) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("transforms");
            items.write(g);
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    static Body extrinsics(List<SensorCalibration> cals, long t) {
        return transforms(g -> {
            for (SensorCalibration c : cals) {
                transform(g, t, McapExport.EGO, c.sensorId(), c.sensorToEgo());
            }
        });
    }

    static Body egoPose(EgoPose p) {
        return transforms(g -> transform(g, p.timestampNs(), McapExport.WORLD, McapExport.EGO, p.egoToWorld()));
    }

    /** The whole ego trajectory, ego origin in {@link McapExport#WORLD}, stamped {@code t}. */
    static Body trajectory(List<EgoPose> poses, long t) {
        return g -> {
            g.writeStartObject();
            time(g, "timestamp", t);
            g.writeStringField("frame_id", McapExport.WORLD);
            g.writeArrayFieldStart("poses");
            for (EgoPose p : poses) {
                g.writeStartObject();
                vec(g, "position", p.egoToWorld().translation());
                quat(g, "orientation", p.egoToWorld().rotation());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    static Body pointCloud(LidarSweep s) {
        return g -> {
            ByteBuffer b = ByteBuffer.allocate(s.size() * STRIDE).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < s.size(); i++) {
                int o = i * STRIDE;
                b.putFloat(o, s.x()[i]).putFloat(o + 4, s.y()[i]).putFloat(o + 8, s.z()[i]).putFloat(o + 12, s.intensity()[i])
                        .putInt(o + 16, s.offsetNs()[i]).put(o + 20, s.ring()[i]);
            }
            g.writeStartObject();
            time(g, "timestamp", s.timestampNs());
            g.writeStringField("frame_id", s.sensorId());
            pose(g, "pose", Pose.IDENTITY);
            g.writeNumberField("point_stride", STRIDE);
            g.writeArrayFieldStart("fields");
            field(g, "x", 0, FLOAT32);
            field(g, "y", 4, FLOAT32);
            field(g, "z", 8, FLOAT32);
            field(g, "intensity", 12, FLOAT32);
            field(g, "offset_ns", 16, INT32);
            field(g, "ring", 20, UINT8);
            g.writeEndArray();
            g.writeFieldName("data");
            g.writeBinary(b.array());
            g.writeEndObject();
        };
    }

    private static void field(JsonGenerator g, String name, int offset, int type) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeNumberField("offset", offset);
        g.writeNumberField("type", type);
        g.writeEndObject();
    }

    static Body image(CameraFrame c) {
        return g -> {
            g.writeStartObject();
            time(g, "timestamp", c.timestampNs());
            g.writeStringField("frame_id", c.sensorId());
            g.writeFieldName("data");
            g.writeBinary(c.data());
            g.writeStringField("format", c.encoding().id());
            g.writeEndObject();
        };
    }

    static Body calibration(String sensor, long t, CameraIntrinsics k) {
        return g -> {
            g.writeStartObject();
            time(g, "timestamp", t);
            g.writeStringField("frame_id", sensor);
            g.writeNumberField("width", k.width());
            g.writeNumberField("height", k.height());
            g.writeStringField("distortion_model", k.distortionModel().equals("radtan") ? "plumb_bob" : k.distortionModel());
            g.writeArrayFieldStart("D");
            for (double d : k.distortionCoeffs()) {
                g.writeNumber(d);
            }
            g.writeEndArray();
            numbers(g, "K", k.fx(), 0, k.cx(), 0, k.fy(), k.cy(), 0, 0, 1);
            numbers(g, "R", 1, 0, 0, 0, 1, 0, 0, 0, 1);
            numbers(g, "P", k.fx(), 0, k.cx(), 0, 0, k.fy(), k.cy(), 0, 0, 0, 1, 0);
            g.writeEndObject();
        };
    }

    private static void numbers(JsonGenerator g, String field, double... v) throws IOException {
        g.writeArrayFieldStart(field);
        for (double d : v) {
            g.writeNumber(d);
        }
        g.writeEndArray();
    }

    /** One cube per box, coloured by category hash so classes are told apart at a glance. */
    static Body boxes(AnnotationFrame<GroundTruth3d> f) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("deletions");
            g.writeEndArray();
            g.writeArrayFieldStart("entities");
            for (GroundTruth3d a : f.boxes()) {
                g.writeStartObject();
                time(g, "timestamp", f.timestampNs());
                g.writeStringField("frame_id", McapExport.EGO);
                g.writeStringField("id", a.trackId());
                time(g, "lifetime", 100_000_000L);
                g.writeBooleanField("frame_locked", true);
                g.writeArrayFieldStart("metadata");
                keyValue(g, "category", a.category());
                keyValue(g, "track_id", a.trackId());
                keyValue(g, "vx", String.format(Locale.ROOT, "%s", a.vx()));
                keyValue(g, "vy", String.format(Locale.ROOT, "%s", a.vy()));
                g.writeEndArray();
                g.writeArrayFieldStart("cubes");
                g.writeStartObject();
                pose(g, "pose", new Pose(Quaternion.fromYaw(a.box().yaw()), a.box().centre()));
                vec(g, "size", new Vec3(a.box().length(), a.box().width(), a.box().height()));
                int h = a.category().hashCode();
                colour(g, h, 0.5);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    /** One cube per {@link SceneBox}, in its own colour (alpha 0.6), metadata {@code label}. */
    static Body sceneBoxes(long timestampNs, List<SceneBox> boxes) {
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("deletions");
            g.writeEndArray();
            g.writeArrayFieldStart("entities");
            for (SceneBox b : boxes) {
                g.writeStartObject();
                time(g, "timestamp", timestampNs);
                g.writeStringField("frame_id", McapExport.EGO);
                g.writeStringField("id", b.id());
                time(g, "lifetime", 100_000_000L);
                g.writeBooleanField("frame_locked", true);
                g.writeArrayFieldStart("metadata");
                keyValue(g, "label", b.label());
                g.writeEndArray();
                g.writeArrayFieldStart("cubes");
                g.writeStartObject();
                pose(g, "pose", new Pose(Quaternion.fromYaw(b.box().yaw()), b.box().centre()));
                vec(g, "size", new Vec3(b.box().length(), b.box().width(), b.box().height()));
                colour(g, b.rgb(), 0.6);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    private static void keyValue(JsonGenerator g, String k, String v) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", k);
        g.writeStringField("value", v);
        g.writeEndObject();
    }
}
