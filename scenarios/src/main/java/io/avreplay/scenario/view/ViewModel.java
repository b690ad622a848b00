package io.avreplay.scenario.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.scenario.overlay.LogOverlays;
import io.avreplay.scenario.overlay.Mark2d;
import io.avreplay.scenario.overlay.Mark3d;
import io.avreplay.scenario.overlay.MatchStatus;
import io.avreplay.scenario.overlay.Overlays;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, built once from an open log: a JSON document (log, legend, scenario windows,
 * and per timeline frame the decimated points, 3D marks, the nearest image of each camera with its 2D
 * marks, and the counts of each status) plus the camera images it refers to by index. The timeline is the
 * first lidar's sweeps, or the first camera's frames when the log has no lidar. Points are the ego frame,
 * little-endian int16 centimetres (x, y, z per point), base64. Immutable; thread-safe after construction.
 */
final class ViewModel {
    /** One camera image as stored in the log. */
    record Image(byte[] bytes, String mimeType) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode json;
    private final List<Image> images;

    private ViewModel(ObjectNode json, List<Image> images) {
        this.json = json;
        this.images = List.copyOf(images);
    }

    ObjectNode json() {
        return json.deepCopy();
    }

    List<Image> images() {
        return images;
    }

    /**
     * @param maxPoints points kept per sweep at most (every k-th point)
     */
    static ViewModel build(LogReader log, LogOverlays overlays, List<ScenarioWindow> windows, int maxPoints) {
        ObjectNode root = JSON.createObjectNode();
        long start = log.manifest().startNs();
        root.putObject("log").put("id", log.manifest().logId()).put("startNs", start)
                .put("durationS", log.manifest().durationNs() / 1e9).put("directory", log.directory().toString());
        root.put("withRun", overlays.withRun());
        root.put("minScore", overlays.minScore());
        root.put("bevRangeM", 50);
        ArrayNode legend = root.putArray("legend");
        for (MatchStatus s : MatchStatus.values()) {
            legend.addObject().put("key", s.key()).put("label", s.label()).put("colour", s.css());
        }
        ArrayNode sc = root.putArray("scenarios");
        for (ScenarioWindow w : windows) {
            sc.addObject().put("id", w.id()).put("title", w.title()).put("startS", w.startOffsetNs() / 1e9)
                    .put("endS", w.endOffsetNs() / 1e9);
        }
        ArrayNode cams = root.putArray("cameras");
        log.cameraIds().forEach(cams::add);
        List<Image> images = new ArrayList<>();
        Map<String, Integer> imageIds = new HashMap<>();
        ArrayNode frames = root.putArray("frames");
        Timeline tl = Timeline.of(log);
        for (int i = 0; i < tl.size(); i++) {
            frame(frames.addObject(), log, overlays, tl, i, maxPoints, images, imageIds);
        }
        return new ViewModel(root, images);
    }

    /** Fills one timeline frame; camera images are added to {@code images} the first time they are referenced. */
    private static void frame(ObjectNode f, LogReader log, LogOverlays overlays, Timeline tl, int i, int maxPoints,
            List<Image> images, Map<String, Integer> imageIds) {
        long ts = tl.timestampNs(i);
        f.put("t", (ts - log.manifest().startNs()) / 1e9).put("ns", ts);
        if (!tl.lidar().isEmpty()) {
            LidarSweep sw = log.lidar(tl.lidar()).read(i);
            Pose mount = log.calibration(tl.lidar()).map(SensorCalibration::sensorToEgo).orElse(Pose.IDENTITY);
            f.put("points", points(sw, mount, maxPoints));
            List<Mark3d> marks = overlays.marks3d(ts);
            ArrayNode boxes = f.putArray("boxes3d");
            marks.forEach(m -> box3d(boxes.addObject(), m));
            counts(f.putObject("counts3d"), marks.stream().map(Mark3d::status).toList());
        }
        ObjectNode camNode = f.putObject("cams");
        List<MatchStatus> statuses2d = new ArrayList<>();
        for (String cam : log.cameraIds()) {
            FrameStream<CameraFrame> cf = log.camera(cam);
            if (cf.size() == 0) {
                continue;
            }
            int k = cf.nearestIndex(ts);
            long camNs = cf.timestampNs(k);
            Integer id = imageIds.get(cam + "/" + k);
            if (id == null) {
                CameraFrame frame = cf.read(k);
                id = images.size();
                images.add(new Image(frame.data(), frame.encoding() == ImageEncoding.PNG ? "image/png" : "image/jpeg"));
                imageIds.put(cam + "/" + k, id);
            }
            List<Mark2d> marks = overlays.marks2d(cam, camNs);
            ObjectNode c = camNode.putObject(cam).put("image", id).put("ns", camNs).put("dtMs", (camNs - ts) / 1e6);
            ArrayNode boxes = c.putArray("boxes");
            marks.forEach(m -> box2d(boxes.addObject(), m));
            marks.forEach(m -> statuses2d.add(m.status()));
        }
        counts(f.putObject("counts2d"), statuses2d);
    }

    private static String points(LidarSweep sw, Pose mount, int maxPoints) {
        int step = Math.max(1, (sw.size() + maxPoints - 1) / Math.max(1, maxPoints));
        int n = (sw.size() + step - 1) / step;
        ByteBuffer b = ByteBuffer.allocate(n * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < sw.size(); i += step) {
            Vec3 p = mount.apply(new Vec3(sw.x()[i], sw.y()[i], sw.z()[i]));
            b.putShort(cm(p.x())).putShort(cm(p.y())).putShort(cm(p.z()));
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static short cm(double metres) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(metres * 100)));
    }

    private static void box3d(ObjectNode o, Mark3d m) {
        o.put("st", m.status().key()).put("c", m.category()).put("label", m.label())
                .put("x", r3(m.box().centre().x())).put("y", r3(m.box().centre().y()))
                .put("l", r3(m.box().length())).put("w", r3(m.box().width())).put("yaw", r3(m.box().yaw()));
        if (!Double.isNaN(m.score())) {
            o.put("s", r3(m.score()));
        }
        if (!m.trackId().isEmpty()) {
            o.put("track", m.trackId());
        }
    }

    private static void box2d(ObjectNode o, Mark2d m) {
        o.put("st", m.status().key()).put("c", m.category()).put("label", m.label())
                .put("x1", r3(m.x1())).put("y1", r3(m.y1())).put("x2", r3(m.x2())).put("y2", r3(m.y2()));
        if (!Double.isNaN(m.score())) {
            o.put("s", r3(m.score()));
        }
    }

    private static void counts(ObjectNode o, List<MatchStatus> statuses) {
        Map<MatchStatus, Integer> c = Overlays.counts(statuses);
        c.forEach((s, n) -> o.put(s.key(), n));
        int tp = c.get(MatchStatus.TRUE_POSITIVE);
        int fp = c.get(MatchStatus.FALSE_POSITIVE);
        int fn = c.get(MatchStatus.MISSED);
        // undefined ratios are left out (the page shows a dash), as NaN is not JSON
        if (tp + fp > 0) {
            o.put("precision", r3((double) tp / (tp + fp)));
        }
        if (tp + fn > 0) {
            o.put("recall", r3((double) tp / (tp + fn)));
        }
    }

    private static double r3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The frames the page steps through: the first non-empty lidar's sweeps ("" when none), else a camera's. */
    private record Timeline(String lidar, long[] timestamps) {
        static Timeline of(LogReader log) {
            for (String l : log.lidarIds()) {
                if (log.lidar(l).size() > 0) {
                    return new Timeline(l, times(log.lidar(l)));
                }
            }
            for (String c : log.cameraIds()) {
                if (log.camera(c).size() > 0) {
                    return new Timeline("", times(log.camera(c)));
                }
            }
            return new Timeline("", new long[0]);
        }

        private static long[] times(FrameStream<?> s) {
            long[] t = new long[s.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = s.timestampNs(i);
            }
            return t;
        }

        int size() {
            return timestamps.length;
        }

        long timestampNs(int i) {
            return timestamps[i];
        }
    }
}
