package io.avreplay.replay.importer.nuscenes;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.importer.ImageHeader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.PointRecordFile;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/** Writes the samples of one info file as one log and compares box point counts on the way. */
final class NuScenesInfoLog {
    private final InfoJson root;
    private final Path dir;
    int sensorFrames;
    int boxes3d;
    private final PointCountCheck points;

    /** @param points accumulates the point-count check across logs (shared with the caller) */
    NuScenesInfoLog(InfoJson root, PointCountCheck points) {
        this.root = root;
        this.points = points;
        this.dir = root.file().toAbsolutePath().getParent();
    }

    String logId() {
        String n = root.file().getFileName().toString().replace(".info.json", "").replace(".json", "");
        return n.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    void write(Path dest, BufferAllocator allocator, ImportOptions options) {
        Map<Integer, String> categories = categories();
        InfoJson samples = root.get("data_list");
        List<InfoJson> ordered = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            ordered.add(samples.at(i));
        }
        ordered.sort(Comparator.comparingLong(s -> s.get("timestamp").secondsToNs()));
        Map<String, String> tags = new HashMap<>();
        tags.put("source", "nuscenes");
        tags.put("nuscenes.version", root.get("metainfo").has("version") ? root.get("metainfo").get("version").text() : "");
        Map<String, TreeMap<Long, InfoJson>> cameras = new TreeMap<>();
        for (InfoJson s : ordered) {
            tags.put(NuScenesImporter.SAMPLE_TOKEN_TAG + s.get("timestamp").secondsToNs(), s.get("token").text());
            InfoJson images = s.get("images");
            for (Iterator<String> it = images.node().fieldNames(); it.hasNext(); ) {
                String cam = it.next();
                InfoJson img = images.get(cam);
                cameras.computeIfAbsent(cam, k -> new TreeMap<>()).put(img.get("timestamp").secondsToNs(), img);
            }
        }
        try (LogWriter w = LogWriter.create(dest, new LogMetadata(logId(), "nuscenes", "unknown", tags), allocator,
                options.write())) {
            int total = ordered.size() + cameras.values().stream().mapToInt(Map::size).sum();
            int done = 0;
            boolean calibrated = false;
            for (InfoJson s : ordered) {
                long t = s.get("timestamp").secondsToNs();
                InfoJson lidar = s.get("lidar_points");
                Pose lidarToEgo = lidar.get("lidar2ego").pose();
                if (!calibrated) {
                    w.addCalibration(SensorCalibration.lidar(NuScenesImporter.LIDAR, lidarToEgo));
                }
                calibrated = true;
                w.writeEgoPose(new EgoPose(t, s.get("ego2global").pose(), Vec3.ZERO));
                LidarSweep sweep = sweep(lidar, t);
                w.writeLidarSweep(sweep);
                sensorFrames++;
                List<GroundTruth3d> boxes = boxes(s, lidarToEgo, categories);
                w.writeAnnotations3d(t, boxes);
                boxes3d += boxes.size();
                points.check(sweep, lidarToEgo, boxes);
                options.progress().step(logId(), ++done, total);
            }
            for (Map.Entry<String, TreeMap<Long, InfoJson>> cam : cameras.entrySet()) {
                for (Map.Entry<Long, InfoJson> e : cam.getValue().entrySet()) {
                    writeImage(w, cam.getKey(), e.getKey(), e.getValue());
                    options.progress().step(logId(), ++done, total);
                }
            }
            for (InfoJson s : ordered) {
                write2d(w, s, categories);
            }
            w.commit();
        }
    }

    private void writeImage(LogWriter w, String cam, long t, InfoJson img) {
        Path file = resolve(img.get("img_path"));
        byte[] data = PointRecordFile.readBytes(file);
        ImageHeader h = ImageHeader.parse(data, file.toString());
        double[] k = img.get("cam2img").matrix(3, 3);
        w.addCalibration(SensorCalibration.camera(cam, img.get("cam2ego").pose(),
                CameraIntrinsics.pinhole(k[0], k[4], k[2], k[5], h.width(), h.height())));
        w.writeCameraFrame(new CameraFrame(cam, t, h.encoding(), data, h.width(), h.height()));
        sensorFrames++;
    }

    private void write2d(LogWriter w, InfoJson s, Map<Integer, String> categories) {
        if (!s.has("cam_instances")) {
            return;
        }
        InfoJson all = s.get("cam_instances");
        String token = s.get("token").text();
        for (Iterator<String> it = all.node().fieldNames(); it.hasNext(); ) {
            String cam = it.next();
            if (!s.get("images").has(cam)) {
                throw new BadInputException(root.file() + ": " + all.path() + "." + cam + ": camera has no entry in "
                        + s.get("images").path());
            }
            long t = s.get("images").get(cam).get("timestamp").secondsToNs();
            InfoJson list = all.get(cam);
            List<GroundTruth2d> boxes = new ArrayList<>();
            for (int j = 0; j < list.size(); j++) {
                InfoJson c = list.at(j);
                double[] b = c.get("bbox").numbers(4);
                boxes.add(new GroundTruth2d(new Box2d(b[0], b[1], b[2], b[3]), category(c.get("bbox_label"),
                        categories), token + "-" + cam + "-" + j, Float.NaN, 3));
            }
            w.writeAnnotations2d(cam, t, boxes);
        }
    }

    private List<GroundTruth3d> boxes(InfoJson s, Pose lidarToEgo, Map<Integer, String> categories) {
        String token = s.get("token").text();
        InfoJson instances = s.get("instances");
        List<GroundTruth3d> out = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            InfoJson in = instances.at(i);
            double[] b = in.get("bbox_3d").numbers(7);
            if (!(b[3] > 0 && b[4] > 0 && b[5] > 0)) {
                throw new BadInputException(root.file() + ": " + in.path() + ".bbox_3d: size must be > 0, got l=" + b[3]
                        + " w=" + b[4] + " h=" + b[5]);
            }
            Vec3 centre = lidarToEgo.apply(new Vec3(b[0], b[1], b[2]));
            Vec3 heading = lidarToEgo.rotation().rotate(new Vec3(Math.cos(b[6]), Math.sin(b[6]), 0));
            double vx = Double.NaN;
            double vy = Double.NaN;
            if (in.has("velocity")) {
                InfoJson v = in.get("velocity");
                Vec3 ve = lidarToEgo.rotation().rotate(new Vec3(v.numberOrNaN(0), v.numberOrNaN(1), 0));
                vx = ve.x();
                vy = ve.y();
            }
            int points = (int) in.get("num_lidar_pts").number();
            out.add(new GroundTruth3d(Box3d.ego(centre, b[3], b[4], b[5], Math.atan2(heading.y(), heading.x())),
                    category(in.get("bbox_label_3d"), categories), token + "-" + i, Math.max(0,
                    points), vx, vy, List.of(), Float.NaN));
        }
        return out;
    }

    private LidarSweep sweep(InfoJson lidar, long t) {
        int feats = lidar.has("num_pts_feats") ? (int) lidar.get("num_pts_feats").number() : 5;
        if (feats != 5) {
            throw new BadInputException(root.file() + ": " + lidar.path() + ".num_pts_feats: expected 5, got " + feats);
        }
        float[][] p = PointRecordFile.read(resolve(lidar.get("lidar_path")), "x", "y", "z", "intensity", "ring");
        int n = p[0].length;
        byte[] ring = new byte[n];
        for (int i = 0; i < n; i++) {
            ring[i] = (byte) Math.round(p[4][i]);
        }
        return new LidarSweep(NuScenesImporter.LIDAR, t, p[0], p[1], p[2], p[3], ring, new int[n]);
    }

    private Path resolve(InfoJson relative) {
        Path p = dir.resolve(relative.text());
        if (!Files.isRegularFile(p)) {
            throw new BadInputException(root.file() + ": " + relative.path() + " names " + p + ", which does not exist");
        }
        return p;
    }

    private Map<Integer, String> categories() {
        Map<Integer, String> out = new HashMap<>();
        InfoJson c = root.get("metainfo").get("categories");
        for (Iterator<String> it = c.node().fieldNames(); it.hasNext(); ) {
            String name = it.next();
            out.put((int) c.get(name).number(), name);
        }
        return out;
    }

    private String category(InfoJson label, Map<Integer, String> categories) {
        int l = (int) label.number();
        if (l == -1) {
            return "other";
        }
        String name = categories.get(l);
        if (name == null) {
            throw new BadInputException(root.file() + ": " + label.path() + ": label " + l
                    + " points nowhere (not in metainfo.categories)");
        }
        return name;
    }
}
