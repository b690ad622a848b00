package io.avreplay.replay.importer.mcap;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.mcap.McapChannel;
import io.avreplay.replay.mcap.McapMessage;
import io.avreplay.replay.mcap.McapMessageView;
import io.avreplay.replay.mcap.McapSchema;
import io.avreplay.replay.mcap.McapVisitor;
import io.avreplay.replay.ros2.Ros2Codec;
import io.avreplay.replay.ros2.Ros2Schema;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes the messages of a bag's files into a log: sensor frames are written as they come, through a
 * {@link FrameWriteQueue}
 * (each stream strictly increasing in time; a camera's frames wait for its first CameraInfo), while the
 * TF tree, ego poses and objects are collected and resolved by {@link BagFinish} at the end. Not
 * thread-safe; one instance per import.
 */
final class BagImport implements McapVisitor {
    /** Frames a camera may hold back while it waits for its CameraInfo. */
    static final int MAX_PENDING = 200;

    /** How one channel of the current file is imported. */
    private record Plan(TopicRole role, String topic, String type, String sensorId, Ros2Schema schema) {
    }

    /** The objects of one message, in its frame. */
    record ObjectFrame(long timestampNs, String frameId, List<ObjectDecoder.FrameObject> objects) {
    }

    final TopicMap map;
    private final FrameWriteQueue queue;
    private final Map<String, Ros2Schema> parsed = new HashMap<>();
    private final Map<Integer, McapSchema> schemas = new HashMap<>();
    private final Map<Integer, Plan> plans = new HashMap<>();
    private Path file;
    private String groundTruthTopic;

    final FrameTree tree = new FrameTree();
    /** The sweeps' arrays, recycled once both the log writer and the point counter are done with them. */
    private final SweepArrays sweepArrays = new SweepArrays();
    final BoxPointCounter pointCounter = new BoxPointCounter(tree, sweepArrays::release);
    final EgoPoses poses;
    final Map<String, String> lidarFrames = new TreeMap<>();
    final Map<String, String> cameraFrames = new TreeMap<>();
    final Map<String, CameraIntrinsics> intrinsics = new HashMap<>();
    final Map<String, List<CameraFrame>> pending = new HashMap<>();
    final List<ObjectFrame> objects = new ArrayList<>();
    final Map<String, Long> lastWritten = new HashMap<>();
    final Map<String, Long> readByTopic = new TreeMap<>();
    final Map<String, Long> importedByTopic = new TreeMap<>();
    final Map<String, String> skipped = new TreeMap<>();
    final Map<String, String> firstError = new TreeMap<>();
    final Map<String, Long> errors = new TreeMap<>();
    final Map<String, Long> outOfOrder = new TreeMap<>();
    long sensorFirstNs = Long.MAX_VALUE;
    long sensorLastNs = Long.MIN_VALUE;
    int frames;
    long droppedPending;

    /** @param frames where sensor frames go (the log's other streams are written by {@link BagFinish}) */
    BagImport(FrameWriteQueue frames, TopicMap map) {
        this.queue = frames;
        this.map = map;
        this.poses = new EgoPoses(map.egoFrame(), map.worldFrame());
        this.groundTruthTopic = map.groundTruthTopic().orElse(null);
    }

    /** Starts the next file of the bag: channel and schema ids are per file. */
    void beginFile(Path f) {
        this.file = f;
        schemas.clear();
        plans.clear();
    }

    @Override
    public void schema(McapSchema schema) {
        schemas.put(schema.id(), schema);
    }

    @Override
    public void message(McapMessage m, McapChannel ch) {
        message(new McapMessageView(m.channelId(), m.sequence(), m.logTimeNs(), m.publishTimeNs(),
                ByteBuffer.wrap(m.data()).asReadOnlyBuffer()), ch);
    }

    /** Decodes in place: what is kept (sweeps, images, poses) is copied out of the payload view before returning. */
    @Override
    public void message(McapMessageView m, McapChannel ch) {
        Plan p = plans.computeIfAbsent(ch.id(), id -> plan(ch));
        readByTopic.merge(p.topic, 1L, Long::sum);
        if (p.role == TopicRole.SKIP || p.role == TopicRole.TRAJECTORY) {
            return;
        }
        try {
            RosStruct msg = p.schema == null ? FoxgloveJson.toRos(p.type, m.copy().data()) : Ros2Codec.decode(p.schema, m.payload());
            if (route(p, msg, m.logTimeNs())) {
                importedByTopic.merge(p.topic, 1L, Long::sum);
            }
        } catch (IllegalArgumentException | IllegalStateException | BadInputException e) {
            errors.merge(p.topic, 1L, Long::sum);
            firstError.putIfAbsent(p.topic, file.getFileName() + " log time " + m.logTimeNs() + " ns: " + e.getMessage());
        }
    }

    private Plan plan(McapChannel ch) {
        McapSchema s = schemas.get(ch.schemaId());
        String type = s == null ? "(no schema)" : s.name();
        TopicRole role = map.role(ch.topic(), type);
        if (role == TopicRole.OBJECTS) {
            if (groundTruthTopic == null) {
                groundTruthTopic = ch.topic();
            } else if (!groundTruthTopic.equals(ch.topic())) {
                skipped.put(ch.topic(), type + ", another object topic (name one as ground_truth in --topics)");
                return new Plan(TopicRole.SKIP, ch.topic(), type, "", null);
            }
        }
        if (role == TopicRole.TRAJECTORY) {
            return new Plan(role, ch.topic(), type, "", null);
        }
        if (role == TopicRole.SKIP) {
            skipped.putIfAbsent(ch.topic(), type);
            return new Plan(role, ch.topic(), type, "", null);
        }
        if (FoxgloveJson.readable(s.name(), s.encoding(), ch.messageEncoding())) {
            return new Plan(role, ch.topic(), type, map.sensorId(ch.topic(), role), null);
        }
        if (!s.encoding().equals("ros2msg") || !ch.messageEncoding().equals("cdr")) {
            skipped.put(ch.topic(), type + ", encoding " + s.encoding() + "/" + ch.messageEncoding() + " (expected ros2msg/cdr)");
            return new Plan(TopicRole.SKIP, ch.topic(), type, "", null);
        }
        String text = new String(s.data(), StandardCharsets.UTF_8);
        Ros2Schema schema;
        try {
            schema = parsed.computeIfAbsent(s.name() + "\n" + text, k -> Ros2Schema.parse(s.name(), text));
        } catch (IllegalArgumentException e) {
            skipped.put(ch.topic(), type + ", unparsable definition: " + e.getMessage());
            return new Plan(TopicRole.SKIP, ch.topic(), type, "", null);
        }
        return new Plan(role, ch.topic(), type, map.sensorId(ch.topic(), role), schema);
    }

    /** @return whether the message went into the log (or into the state the log is finished from) */
    private boolean route(Plan p, RosStruct msg, long logTimeNs) {
        switch (p.role) {
            case LIDAR -> {
                RosStruct h = msg.struct("header");
                long t = RosGeometry.stamp(h, logTimeNs);
                if (!inOrder(p, t)) {
                    return false;
                }
                LidarSweep sweep = PointCloudDecoder.decode(msg, p.sensorId, t, sweepArrays);
                lidarFrames.putIfAbsent(p.sensorId, RosGeometry.frame(h.string("frame_id")));
                sweepArrays.track(sweep, 2); // the log writer and the point counter
                queue.lidar(sweep, () -> sweepArrays.release(sweep));
                pointCounter.sweep(sweep, RosGeometry.frame(h.string("frame_id")));
                sensorWritten(t);
                return true;
            }
            case CAMERA -> {
                RosStruct h = msg.struct("header");
                long t = RosGeometry.stamp(h, logTimeNs);
                if (!inOrder(p, t)) {
                    return false;
                }
                CameraFrame f = msg.has("format") ? ImageDecoder.compressed(msg, p.sensorId, t, p.topic)
                        : ImageDecoder.raw(msg, p.sensorId, t);
                cameraFrames.putIfAbsent(p.sensorId, RosGeometry.frame(h.string("frame_id")));
                camera(f);
                return true;
            }
            case CAMERA_INFO -> {
                if (!intrinsics.containsKey(p.sensorId)) {
                    intrinsics.put(p.sensorId, ImageDecoder.intrinsics(msg));
                    cameraFrames.putIfAbsent(p.sensorId, RosGeometry.frame(msg.struct("header").string("frame_id")));
                    List<CameraFrame> held = pending.remove(p.sensorId);
                    if (held != null) {
                        held.forEach(this::camera);
                    }
                }
                return true;
            }
            case TF, TF_STATIC -> {
                poses.tf(tree, msg, p.role == TopicRole.TF_STATIC, logTimeNs);
                return true;
            }
            case ODOMETRY -> {
                poses.odometry(msg, logTimeNs);
                return true;
            }
            case OBJECTS -> {
                RosStruct h = msg.struct("header");
                long t = RosGeometry.stamp(h, logTimeNs);
                ObjectFrame f = new ObjectFrame(t, RosGeometry.frame(h.string("frame_id")), ObjectDecoder.decode(msg, t));
                objects.add(f);
                pointCounter.objects(f);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void camera(CameraFrame f) {
        if (!intrinsics.containsKey(f.sensorId())) {
            List<CameraFrame> held = pending.computeIfAbsent(f.sensorId(), k -> new ArrayList<>());
            held.add(f);
            if (held.size() > MAX_PENDING) {
                held.remove(0);
                droppedPending++;
            }
            return;
        }
        queue.camera(f);
        sensorWritten(f.timestampNs());
    }

    private boolean inOrder(Plan p, long t) {
        String key = p.role + ":" + p.sensorId;
        Long last = lastWritten.get(key);
        if (last != null && t <= last) {
            outOfOrder.merge(p.topic, 1L, Long::sum);
            return false;
        }
        lastWritten.put(key, t);
        return true;
    }

    private void sensorWritten(long t) {
        frames++;
        sensorFirstNs = Math.min(sensorFirstNs, t);
        sensorLastNs = Math.max(sensorLastNs, t);
    }

    /** Warnings about what was read but not imported, one line each. */
    List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!skipped.isEmpty()) {
            Map<String, String> s = new LinkedHashMap<>();
            skipped.forEach((t, why) -> s.put(t, why + ", " + readByTopic.getOrDefault(t, 0L) + " msgs"));
            w.add("skipped topics: " + s);
        }
        errors.forEach((t, n) -> w.add("undecodable messages on " + t + ": " + n + " (first: " + firstError.get(t) + ")"));
        outOfOrder.forEach((t, n) -> w.add("dropped " + n + " messages of " + t + " not after the previous one in time"));
        pending.forEach((id, held) -> w.add("camera " + id + ": no CameraInfo; dropped its " + held.size() + " frames"));
        if (droppedPending > 0) {
            w.add("dropped " + droppedPending + " camera frames that came long before their CameraInfo");
        }
        return w;
    }
}
