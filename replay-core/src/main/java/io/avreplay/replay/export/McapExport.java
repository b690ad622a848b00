package io.avreplay.replay.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.mcap.McapWriteOptions;
import io.avreplay.replay.mcap.McapWriter;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a log as an MCAP file that Foxglove opens with no plugin: zstd chunks, message indexes and a
 * summary; Foxglove well-known schemas in JSON. Topics: {@code /<lidar>/points} ({@code foxglove.PointCloud},
 * frame = the sensor id; fields x, y, z, intensity float32, offset_ns int32, ring uint8 in a 24-byte
 * stride), {@code /<camera>/compressed} ({@code foxglove.CompressedImage}) and {@code /<camera>/camera_info}
 * ({@code foxglove.CameraCalibration}, one per image), {@code /tf_static} (sensor extrinsics, parent
 * {@value #EGO}) and {@code /tf} (ego poses, {@value #WORLD} → {@value #EGO}) as
 * {@code foxglove.FrameTransforms}, {@code /annotations} ({@code foxglove.SceneUpdate}: one cube per 3D
 * box in {@value #EGO}, metadata category and track id), {@value #TRAJECTORY_TOPIC} ({@code foxglove.PosesInFrame}:
 * the whole ego trajectory in {@value #WORLD}, once, at the log's start). Messages are written in time order (log time =
 * the frame's timestamp). Stateless; output is written to a temporary file and renamed into place.
 */
public final class McapExport {
    /** The ego frame id. */
    public static final String EGO = "base_link";
    /** The world frame id. */
    public static final String WORLD = "map";
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What was written.
     *
     * @param messages messages written
     * @param topics   channels written
     */
    public record Counts(long messages, int topics) {
    }

    private McapExport() {
    }

    /** Boxes to draw at a lidar sweep's time, beside the ground truth (e.g. a run's detections by match status). */
    @FunctionalInterface
    public interface SweepBoxes {
        /** @return the boxes at the sweep stamped {@code sweepNs} (ego frame), empty when none */
        List<SceneBox> at(long sweepNs);
    }

    /** Topic of the ego trajectory: one {@code foxglove.PosesInFrame} at the log's start, every ego pose in {@value #WORLD}. */
    public static final String TRAJECTORY_TOPIC = "/ego/trajectory";

    /** Topic of the {@link SweepBoxes}: one {@code foxglove.SceneUpdate} per sweep of the log's first lidar. */
    public static final String DETECTIONS_TOPIC = "/detections";

    /** Writes {@code log} to {@code out} (replacing it). */
    public static Counts export(LogReader log, Path out) {
        return export(log, out, Optional.empty());
    }

    /**
     * Writes {@code log} to {@code out} (replacing it), and with {@code extra} a {@value #DETECTIONS_TOPIC}
     * scene at each sweep of the log's first lidar.
     */
    public static Counts export(LogReader log, Path out, Optional<SweepBoxes> extra) {
        long[] n = new long[1];
        int[] topics = new int[1];
        AtomicFile.write(out, temp -> {
            try (McapWriter w = McapWriter.create(temp, McapWriteOptions.defaults(""))) {
                Channels ch = new Channels(w);
                n[0] = write(log, ch, extra);
                topics[0] = ch.ids.size();
            }
        });
        return new Counts(n[0], topics[0]);
    }

    /** One stream to merge: its frames are written in time order with every other stream's. */
    private record Source(FrameStream<?> stream, String kind, String sensor) {
    }

    private static long write(LogReader log, Channels ch, Optional<SweepBoxes> extra) {
        List<Source> sources = new ArrayList<>();
        log.lidarIds().forEach(id -> sources.add(new Source(log.lidar(id), "lidar", id)));
        log.cameraIds().forEach(id -> sources.add(new Source(log.camera(id), "camera", id)));
        log.annotations3d().ifPresent(a -> sources.add(new Source(a, "boxes", "")));
        List<EgoPose> poses = log.egoTrajectory().poses();
        long first = Long.MAX_VALUE;
        for (Source s : sources) {
            if (s.stream.size() > 0) {
                first = Math.min(first, s.stream.timestampNs(0));
            }
        }
        if (!poses.isEmpty()) {
            first = Math.min(first, poses.get(0).timestampNs());
        }
        long count = 0;
        if (first != Long.MAX_VALUE) {
            ch.write("/tf_static", FoxgloveSchemas.FRAME_TRANSFORMS, first, FoxgloveMessages.extrinsics(log.calibrations(), first));
            count++;
        }
        if (!poses.isEmpty()) {
            ch.write(TRAJECTORY_TOPIC, FoxgloveSchemas.POSES_IN_FRAME, first, FoxgloveMessages.trajectory(poses, first));
            count++;
        }
        int[] next = new int[sources.size()];
        int pose = 0;
        while (true) {
            int best = -1;
            long bestT = Long.MAX_VALUE;
            for (int i = 0; i < sources.size(); i++) {
                if (next[i] < sources.get(i).stream.size() && sources.get(i).stream.timestampNs(next[i]) < bestT) {
                    bestT = sources.get(i).stream.timestampNs(next[i]);
                    best = i;
                }
            }
            if (pose < poses.size() && poses.get(pose).timestampNs() <= bestT) {
                EgoPose p = poses.get(pose++);
                ch.write("/tf", FoxgloveSchemas.FRAME_TRANSFORMS, p.timestampNs(), FoxgloveMessages.egoPose(p));
                count++;
                continue;
            }
            if (best < 0) {
                return count;
            }
            Source s = sources.get(best);
            Object f = s.stream.read(next[best]++);
            count += frame(log, ch, s, f);
            if (extra.isPresent() && f instanceof LidarSweep l && l.sensorId().equals(log.lidarIds().get(0))) {
                ch.write(DETECTIONS_TOPIC, FoxgloveSchemas.SCENE_UPDATE, l.timestampNs(),
                        FoxgloveMessages.sceneBoxes(l.timestampNs(), extra.get().at(l.timestampNs())));
                count++;
            }
        }
    }

    private static int frame(LogReader log, Channels ch, Source s, Object frame) {
        switch (s.kind) {
            case "lidar" -> {
                LidarSweep l = (LidarSweep) frame;
                ch.write("/" + s.sensor + "/points", FoxgloveSchemas.POINT_CLOUD, l.timestampNs(), FoxgloveMessages.pointCloud(l));
                return 1;
            }
            case "camera" -> {
                CameraFrame c = (CameraFrame) frame;
                ch.write("/" + s.sensor + "/compressed", FoxgloveSchemas.COMPRESSED_IMAGE, c.timestampNs(),
                        FoxgloveMessages.image(c));
                SensorCalibration cal = log.calibration(s.sensor).orElse(null);
                if (cal != null && cal.intrinsics().isPresent()) {
                    ch.write("/" + s.sensor + "/camera_info", FoxgloveSchemas.CAMERA_CALIBRATION, c.timestampNs(),
                            FoxgloveMessages.calibration(s.sensor, c.timestampNs(), cal.intrinsics().get()));
                    return 2;
                }
                return 1;
            }
            default -> {
                @SuppressWarnings("unchecked")
                AnnotationFrame<GroundTruth3d> a = (AnnotationFrame<GroundTruth3d>) frame;
                ch.write("/annotations", FoxgloveSchemas.SCENE_UPDATE, a.timestampNs(), FoxgloveMessages.boxes(a));
                return 1;
            }
        }
    }

    /** The channels of one export, created on first use. */
    private static final class Channels {
        private final McapWriter w;
        private final Map<String, Integer> schemas = new HashMap<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<String, Long> sequence = new HashMap<>();

        Channels(McapWriter w) {
            this.w = w;
        }

        void write(String topic, String schema, long t, FoxgloveMessages.Body body) {
            int id = ids.computeIfAbsent(topic, k -> w.addChannel(schemas.computeIfAbsent(schema,
                    s -> w.addSchema(s, "jsonschema", FoxgloveSchemas.schema(s))), k, "json", Map.of()));
            ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
            try (JsonGenerator g = JSON.createGenerator(buf)) {
                body.write(g);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode a " + schema + " message: " + e.getMessage(), e);
            }
            long seq = sequence.merge(topic, 1L, Long::sum);
            w.write(id, seq, t, t, buf.toByteArray());
        }
    }
}
