package io.avreplay.replay.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * COCO detection JSON for one camera of a log, numbered as {@link CocoNumbering} says (the numbering
 * {@code run} uses too). Instances (ground truth): {@code images} are the camera's frames,
 * {@code categories} are the 2D ground-truth category names present, and each 2D
 * box is an annotation with {@code bbox = [x, y, width, height]} px; DontCare regions become
 * {@code iscrowd = 1} (COCO's ignore regions). Extra fields {@code track_id}, {@code truncation} and
 * {@code occlusion} keep what COCO has no field for. Results: {@code [{image_id, category_id, bbox, score}]}
 * with the same image and category ids.
 */
public final class CocoExport {
    private CocoExport() {
    }

    /** Writes the camera's 2D ground truth as COCO instances; returns the number of annotations. */
    public static int writeInstances(LogReader log, String camera, Path file) {
        FrameStream<CameraFrame> frames = log.camera(camera);
        FrameStream<AnnotationFrame<GroundTruth2d>> gt = groundTruth(log, camera);
        Map<String, Long> cats = categories(gt);
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.putObject("info").put("description", "avreplay export of log " + log.manifest().logId() + " camera " + camera);
        ArrayNode images = root.putArray("images");
        Map<Long, Long> imageIds = new HashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            CameraFrame f = frames.read(i);
            long imageId = CocoNumbering.imageId(0, i);
            imageIds.put(f.timestampNs(), imageId);
            images.addObject().put("id", imageId).put("file_name", CocoNumbering.fileName(log.manifest().logId(), camera,
                    f.timestampNs(), f.encoding().id())).put("width", f.width()).put("height", f.height())
                    .put("timestamp_ns", f.timestampNs());
        }
        ArrayNode anns = root.putArray("annotations");
        int id = 0;
        for (int i = 0; i < gt.size(); i++) {
            AnnotationFrame<GroundTruth2d> f = gt.read(i);
            Long image = imageIds.get(f.timestampNs());
            if (image == null) {
                throw new BadInputException(log.directory() + ": 2D ground truth of '" + camera + "' at " + f.timestampNs()
                        + " ns has no camera frame at that time");
            }
            for (GroundTruth2d a : f.boxes()) {
                double w = a.box().x2() - a.box().x1();
                double h = a.box().y2() - a.box().y1();
                ObjectNode o = anns.addObject().put("id", ++id).put("image_id", image).put("category_id", cats.get(a.category()));
                o.putArray("bbox").add(a.box().x1()).add(a.box().y1()).add(w).add(h);
                o.put("area", w * h).put("iscrowd", a.category().equals("dontcare") ? 1 : 0).put("track_id", a.trackId());
                if (Float.isNaN(a.truncation())) {
                    o.putNull("truncation");
                } else {
                    o.put("truncation", a.truncation());
                }
                o.put("occlusion", a.occlusion());
            }
        }
        ArrayNode c = root.putArray("categories");
        cats.forEach((name, cid) -> c.addObject().put("id", cid).put("name", name));
        AtomicFile.write(file, tmp -> m.writeValue(tmp.toFile(), root));
        return id;
    }

    /**
     * Writes detections as COCO results, with image and category ids matching {@link #writeInstances}.
     *
     * @param detections per camera timestamp (ns), that frame's detections, written in map order
     * @throws InvalidConfigException when a detection's image time or category is not in the log's ground truth
     */
    public static void writeResults(LogReader log, String camera, Map<Long, List<Detection2d>> detections,
            Path file) {
        FrameStream<CameraFrame> frames = log.camera(camera);
        Map<String, Long> cats = categories(groundTruth(log, camera));
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode out = m.createArrayNode();
        for (Map.Entry<Long, List<Detection2d>> e : detections.entrySet()) {
            long timestampNs = e.getKey();
            int idx = frames.floorIndex(timestampNs);
            if (idx < 0 || frames.timestampNs(idx) != timestampNs) {
                throw new InvalidConfigException("detection at " + timestampNs + " ns: no frame of camera '" + camera
                        + "' at that time");
            }
            for (Detection2d d : e.getValue()) {
                writeResult(out, d, idx, cats);
            }
        }
        AtomicFile.write(file, tmp -> m.writeValue(tmp.toFile(), out));
    }

    private static void writeResult(ArrayNode out, Detection2d d, int idx, Map<String, Long> cats) {
        Long cat = cats.get(d.category());
        if (cat == null) {
            throw new InvalidConfigException("detection category '" + d.category() + "' is not among the ground-truth "
                    + "categories " + cats.keySet());
        }
        ObjectNode o = out.addObject().put("image_id", CocoNumbering.imageId(0, idx)).put("category_id", cat);
        o.putArray("bbox").add(d.box().x1()).add(d.box().y1()).add(d.box().width()).add(d.box().height());
        o.put("score", d.score());
    }

    private static FrameStream<AnnotationFrame<GroundTruth2d>> groundTruth(LogReader log, String camera) {
        return log.annotations2d(camera).orElseThrow(() -> new BadInputException(log.directory()
                + ": no 2D ground truth for camera '" + camera + "'"));
    }

    /** The categories present, by {@link CocoNumbering}: fixed ids first, then the others from 1000 by name. */
    private static Map<String, Long> categories(FrameStream<AnnotationFrame<GroundTruth2d>> gt) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < gt.size(); i++) {
            gt.read(i).boxes().forEach(a -> names.add(a.category()));
        }
        Map<String, Long> out = new java.util.TreeMap<>();
        long extra = CocoNumbering.FIRST_EXTRA_CATEGORY_ID;
        for (String n : names) {
            var fixed = CocoNumbering.categoryId(n);
            out.put(n, fixed.isPresent() ? fixed.getAsLong() : extra++);
        }
        return out;
    }
}
