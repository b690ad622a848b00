package io.avreplay.perception.run;

import io.avreplay.replay.export.CocoNumbering;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.coco.CocoAnnotation;
import io.avreplay.replay.export.NuScenesSubmission;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Collects a run's detections and the camera images they refer to, and writes them for other tools:
 * Arrow tables ({@code detections_3d.arrow} in the ego frame, {@code detections_2d.arrow} in pixels),
 * the nuScenes submission JSON (world frame, tokens {@code <log_id>-<timestamp_ns>}), and COCO
 * ground-truth and results JSON for the camera frames detected. Every file is written to a temporary
 * name and renamed into place. Not thread-safe.
 */
final class DetectionSink {
    /** One 3D detection with where it came from. */
    record Row3d(String logId, String token, long timestampNs, Detection3d detection) {
    }

    /** One 2D detection with where it came from. */
    record Row2d(String logId, long imageId, long timestampNs, Detection2d detection) {
    }

    private record Image(long id, String logId, String camera, long timestampNs, int width, int height) {
    }

    private final List<String> categories;
    private final List<Row3d> rows3d = new ArrayList<>();
    private final List<Row2d> rows2d = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private final Map<String, Integer> logOrdinals = new HashMap<>();
    private final List<CocoAnnotation> truth2d = new ArrayList<>();
    private final Map<String, NuScenesSubmission.Sample> samples = new LinkedHashMap<>();
    private final int firstLogOrdinal;
    private long nextAnnotationId = 1;

    DetectionSink(List<String> categories) {
        this(categories, 0);
    }

    /** A sink whose first log gets the ordinal {@code firstLogOrdinal} (its place in a larger run), &gt;= 0. */
    DetectionSink(List<String> categories, int firstLogOrdinal) {
        if (firstLogOrdinal < 0) {
            throw new IllegalArgumentException("firstLogOrdinal must be >= 0, got " + firstLogOrdinal);
        }
        this.categories = List.copyOf(categories);
        this.firstLogOrdinal = firstLogOrdinal;
    }

    List<String> categories() {
        return categories;
    }

    long nextAnnotationId() {
        return nextAnnotationId++;
    }

    void add3d(String logId, String token, long ts, Pose egoToWorld, List<Detection3d> detections) {
        for (Detection3d d : detections) {
            rows3d.add(new Row3d(logId, token, ts, d));
        }
        samples.put(token, NuScenesSubmission.Sample.ofDetections(token, egoToWorld, detections));
    }

    /** @return the image's COCO id, by {@link CocoNumbering} (log ordinal: order of first appearance) */
    long addImage(String logId, int frameIndex, CameraFrame frame) {
        int ordinal = logOrdinals.computeIfAbsent(logId, k -> firstLogOrdinal + logOrdinals.size());
        long id = CocoNumbering.imageId(ordinal, frameIndex);
        images.add(new Image(id, logId, frame.sensorId(), frame.timestampNs(), frame.width(), frame.height()));
        return id;
    }

    void addTruth2d(CocoAnnotation a) {
        truth2d.add(a);
    }

    void add2d(String logId, long imageId, long ts, List<Detection2d> detections) {
        for (Detection2d d : detections) {
            rows2d.add(new Row2d(logId, imageId, ts, d));
        }
    }

    /** Writes every output file; returns them by role. */
    Map<String, Path> write(Path dir, BufferAllocator allocator) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + dir, e);
        }
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("detections_3d", DetectionTables.write3d(rows3d, dir.resolve("detections_3d.arrow"), allocator));
        Path nus = dir.resolve("nuscenes_submission.json");
        NuScenesSubmission.write(List.copyOf(samples.values()), Map.of("use_lidar", true, "use_camera", false), nus);
        out.put("nuscenes_submission", nus);
        if (!images.isEmpty()) {
            out.put("detections_2d", DetectionTables.write2d(rows2d, dir.resolve("detections_2d.arrow"), allocator));
            out.put("coco_gt", writeJson(dir.resolve("coco_gt.json"), cocoGroundTruth()));
            out.put("coco_results", writeJson(dir.resolve("coco_results.json"), cocoResults()));
        }
        return out;
    }

    private ObjectNode cocoGroundTruth() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode imgs = root.putArray("images");
        for (Image i : images) {
            imgs.addObject().put("id", i.id).put("width", i.width).put("height", i.height)
                    .put("file_name", CocoNumbering.fileName(i.logId, i.camera, i.timestampNs, "jpeg"))
                    .put("timestamp_ns", i.timestampNs);
        }
        ArrayNode anns = root.putArray("annotations");
        for (CocoAnnotation a : truth2d) {
            ObjectNode o = anns.addObject().put("id", a.id()).put("image_id", a.imageId()).put("category_id", a.categoryId())
                    .put("area", a.area()).put("iscrowd", a.crowd() ? 1 : 0);
            o.putArray("bbox").add(a.bbox().x1()).add(a.bbox().y1()).add(a.bbox().width()).add(a.bbox().height());
        }
        ArrayNode cats = root.putArray("categories");
        for (int k = 0; k < categories.size(); k++) {
            cats.addObject().put("id", CocoNumbering.categoryId(categories, k)).put("name", categories.get(k));
        }
        return root;
    }

    private ArrayNode cocoResults() {
        ArrayNode arr = JSON.createArrayNode();
        for (Row2d r : rows2d) {
            int k = categories.indexOf(r.detection().category());
            if (k < 0) {
                continue;
            }
            Detection2d d = r.detection();
            ObjectNode o = arr.addObject().put("image_id", r.imageId()).put("category_id",
                    CocoNumbering.categoryId(categories, k)).put("score", d.score());
            o.putArray("bbox").add(d.box().x1()).add(d.box().y1()).add(d.box().width()).add(d.box().height());
        }
        return arr;
    }

    static final ObjectMapper JSON = io.avreplay.eval.detection.ResultJson.MAPPER;

    static Path writeJson(Path file, Object tree) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), tree);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    List<Row3d> rows3d() {
        return rows3d;
    }
}
