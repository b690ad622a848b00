package io.avreplay.replay.importer.av2;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.importer.ImageHeader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.PointRecordFile;
import io.avreplay.replay.importer.av2.FeatherTable.Type;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;

/** Writes one AV2 sensor log and counts sweep points inside each cuboid on the way. */
final class Av2Log {
    static final Map<String, Type> POSE_COLUMNS = columns(Type.I64, "timestamp_ns", Type.F64, "qw", "qx", "qy", "qz",
            "tx_m", "ty_m", "tz_m");
    static final Map<String, Type> CUBOID_COLUMNS = cuboidColumns();
    static final Map<String, Type> LIDAR_COLUMNS = lidarColumns();
    static final Map<String, Type> EXTRINSIC_COLUMNS = columns(Type.UTF8, "sensor_name", Type.F64, "qw", "qx", "qy", "qz",
            "tx_m", "ty_m", "tz_m");
    static final Map<String, Type> INTRINSIC_COLUMNS = intrinsicColumns();

    private final Path dir;
    int sensorFrames;
    int boxes3d;
    int countChecked;
    final List<String> countFailures = new ArrayList<>();

    Av2Log(Path dir) {
        this.dir = dir;
    }

    String logId() {
        return dir.getFileName().toString();
    }

    void write(Path dest, BufferAllocator allocator, ImportOptions options) {
        FeatherTable poses = FeatherTable.read(dir.resolve("city_SE3_egovehicle.feather"), allocator, POSE_COLUMNS);
        Path annotationFile = dir.resolve("annotations.feather");
        TreeMap<Long, List<GroundTruth3d>> boxes = Files.isRegularFile(annotationFile)
                ? cuboids(FeatherTable.read(annotationFile, allocator, CUBOID_COLUMNS)) : new TreeMap<>();
        List<Path> sweeps = list(dir.resolve("sensors/lidar"), ".feather");
        TreeMap<String, List<Path>> images = new TreeMap<>();
        for (Path cam : list(dir.resolve("sensors/cameras"), "")) {
            images.put(cam.getFileName().toString(), list(cam, ".jpg"));
        }
        int total = sweeps.size() + images.values().stream().mapToInt(List::size).sum();
        Map<String, String> tags = Map.of("source", "av2", "av2.log_id", logId());
        try (LogWriter w = LogWriter.create(dest, new LogMetadata(logId(), "argoverse2", city(), tags), allocator,
                options.write())) {
            calibrate(w, allocator);
            writePoses(w, poses);
            int done = 0;
            for (Path f : sweeps) {
                LidarSweep sweep = sweep(f, FeatherTable.read(f, allocator, LIDAR_COLUMNS));
                w.writeLidarSweep(sweep);
                check(sweep, boxes.getOrDefault(sweep.timestampNs(), List.of()));
                sensorFrames++;
                options.progress().step(logId(), ++done, total);
            }
            for (Map.Entry<String, List<Path>> cam : images.entrySet()) {
                for (Path jpg : cam.getValue()) {
                    byte[] data = PointRecordFile.readBytes(jpg);
                    ImageHeader h = ImageHeader.parse(data, jpg.toString());
                    w.writeCameraFrame(new CameraFrame(cam.getKey(), timestamp(jpg, ".jpg"), h.encoding(), data, h.width(),
                            h.height()));
                    sensorFrames++;
                    options.progress().step(logId(), ++done, total);
                }
            }
            // AV2 labels the whole log; a sample ships a few sweeps, and cuboids without a sweep are not ground truth
            // for anything imported, so only those inside the imported sensors' span are kept.
            for (Map.Entry<Long, List<GroundTruth3d>> e : sensorSpan(sweeps, images, boxes).entrySet()) {
                w.writeAnnotations3d(e.getKey(), e.getValue());
                boxes3d += e.getValue().size();
            }
            w.commit();
        }
    }

    /** The cuboid frames whose timestamps lie within the imported sweeps' and images' span (none without any). */
    private static java.util.SortedMap<Long, List<GroundTruth3d>> sensorSpan(List<Path> sweeps,
            Map<String, List<Path>> images, TreeMap<Long, List<GroundTruth3d>> boxes) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Path f : sweeps) {
            lo = Math.min(lo, timestamp(f, ".feather"));
            hi = Math.max(hi, timestamp(f, ".feather"));
        }
        for (List<Path> cam : images.values()) {
            for (Path f : cam) {
                lo = Math.min(lo, timestamp(f, ".jpg"));
                hi = Math.max(hi, timestamp(f, ".jpg"));
            }
        }
        return lo > hi ? new TreeMap<>() : boxes.subMap(lo, true, hi, true);
    }

    private void calibrate(LogWriter w, BufferAllocator allocator) {
        w.addCalibration(SensorCalibration.lidar(Av2Importer.LIDAR, Pose.IDENTITY));
        Path extrinsics = dir.resolve("calibration/egovehicle_SE3_sensor.feather");
        if (!Files.isRegularFile(extrinsics)) {
            return;
        }
        FeatherTable ext = FeatherTable.read(extrinsics, allocator, EXTRINSIC_COLUMNS);
        Map<String, CameraIntrinsics> intrinsics = new LinkedHashMap<>();
        Path intrinsicsFile = dir.resolve("calibration/intrinsics.feather");
        if (Files.isRegularFile(intrinsicsFile)) {
            FeatherTable in = FeatherTable.read(intrinsicsFile, allocator, INTRINSIC_COLUMNS);
            for (int i = 0; i < in.rows(); i++) {
                intrinsics.put(in.utf8("sensor_name")[i], new CameraIntrinsics(in.f64("fx_px")[i], in.f64("fy_px")[i],
                        in.f64("cx_px")[i], in.f64("cy_px")[i], in.ints("width_px")[i], in.ints("height_px")[i],
                        "radial_k1k2k3", List.of(in.f64("k1")[i], in.f64("k2")[i], in.f64("k3")[i])));
            }
        }
        for (int i = 0; i < ext.rows(); i++) {
            String name = ext.utf8("sensor_name")[i];
            Pose sensorToEgo = pose(ext, i);
            CameraIntrinsics k = intrinsics.get(name);
            if (k != null) {
                w.addCalibration(SensorCalibration.camera(name, sensorToEgo, k));
            } else if (name.contains("lidar")) {
                w.addCalibration(SensorCalibration.lidar(name, sensorToEgo));
            }
        }
    }

    /** Ego poses with velocity from central differences of the city-frame translation (one-sided at the ends). */
    private static void writePoses(LogWriter w, FeatherTable t) {
        long[] ts = t.i64("timestamp_ns");
        Integer[] order = new Integer[t.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(ts[a], ts[b]));
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            int prev = order[Math.max(0, k - 1)];
            int next = order[Math.min(order.length - 1, k + 1)];
            Vec3 v = Vec3.ZERO;
            if (ts[next] > ts[prev]) {
                v = pose(t, next).translation().minus(pose(t, prev).translation()).times(1e9 / (ts[next] - ts[prev]));
            }
            w.writeEgoPose(new EgoPose(ts[i], pose(t, i), v));
        }
    }

    private TreeMap<Long, List<GroundTruth3d>> cuboids(FeatherTable t) {
        TreeMap<Long, List<GroundTruth3d>> out = new TreeMap<>();
        for (int i = 0; i < t.rows(); i++) {
            double l = t.f64("length_m")[i];
            double wd = t.f64("width_m")[i];
            double h = t.f64("height_m")[i];
            if (!(l > 0 && wd > 0 && h > 0)) {
                throw new BadInputException(t.file() + " row " + i + ": cuboid size must be > 0, got length_m=" + l
                        + " width_m=" + wd + " height_m=" + h);
            }
            long n = t.i64("num_interior_pts")[i];
            Quaternion q = new Quaternion(t.f64("qw")[i], t.f64("qx")[i], t.f64("qy")[i], t.f64("qz")[i]);
            Box3d box = Box3d.ego(new Vec3(t.f64("tx_m")[i], t.f64("ty_m")[i], t.f64("tz_m")[i]), l, wd, h, q.yaw());
            out.computeIfAbsent(t.i64("timestamp_ns")[i], k -> new ArrayList<>()).add(new GroundTruth3d(box,
                    t.utf8("category")[i].toLowerCase(java.util.Locale.ROOT), t.utf8("track_uuid")[i],
                    (int) Math.max(0, Math.min(Integer.MAX_VALUE, n)), Double.NaN, Double.NaN, List.of(), Float.NaN));
        }
        return out;
    }

    /** Counts the sweep's points inside each imported box and compares with {@code num_interior_pts}. */
    private void check(LidarSweep s, List<GroundTruth3d> boxes) {
        for (GroundTruth3d a : boxes) {
            Box3d b = a.box();
            double r2 = (b.length() * b.length() + b.width() * b.width() + b.height() * b.height()) / 4;
            int count = 0;
            for (int i = 0; i < s.size(); i++) {
                double dx = s.x()[i] - b.centre().x();
                double dy = s.y()[i] - b.centre().y();
                double dz = s.z()[i] - b.centre().z();
                if (dx * dx + dy * dy + dz * dz <= r2 && b.contains(s.x()[i], s.y()[i], s.z()[i])) {
                    count++;
                }
            }
            countChecked++;
            if (count != a.numPoints()) {
                countFailures.add(s.timestampNs() + "/" + a.trackId() + " " + a.category() + ": " + count + " vs stored "
                        + a.numPoints());
            }
        }
    }

    private static LidarSweep sweep(Path f, FeatherTable t) {
        int n = t.rows();
        int[] in = t.ints("intensity");
        int[] laser = t.ints("laser_number");
        float[] intensity = new float[n];
        byte[] ring = new byte[n];
        for (int i = 0; i < n; i++) {
            intensity[i] = in[i];
            ring[i] = (byte) laser[i];
        }
        return new LidarSweep(Av2Importer.LIDAR, timestamp(f, ".feather"), t.floats("x"), t.floats("y"), t.floats("z"),
                intensity, ring, t.ints("offset_ns"));
    }

    private static Pose pose(FeatherTable t, int i) {
        return new Pose(new Quaternion(t.f64("qw")[i], t.f64("qx")[i], t.f64("qy")[i], t.f64("qz")[i]),
                new Vec3(t.f64("tx_m")[i], t.f64("ty_m")[i], t.f64("tz_m")[i]));
    }

    private static long timestamp(Path f, String ext) {
        String name = f.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - ext.length()));
        } catch (NumberFormatException e) {
            throw new BadInputException(f + ": file name must be the timestamp in ns, e.g. 315966265259836000" + ext);
        }
    }

    private String city() {
        for (Path p : list(dir.resolve("map"), ".json")) {
            String n = p.getFileName().toString();
            int at = n.indexOf("____");
            if (n.startsWith("log_map_archive_") && at > 0) {
                return n.substring(at + 4).split("_")[0];
            }
        }
        return "unknown";
    }

    /** Entries of a directory ending in {@code ext}, sorted by name; empty when the directory is absent. */
    static List<Path> list(Path d, String ext) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ext) && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(d + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static Map<String, Type> columns(Type first, String firstName, Type rest, String... names) {
        Map<String, Type> m = new LinkedHashMap<>();
        m.put(firstName, first);
        for (String n : names) {
            m.put(n, rest);
        }
        return m;
    }

    private static Map<String, Type> cuboidColumns() {
        Map<String, Type> m = new LinkedHashMap<>();
        m.put("timestamp_ns", Type.I64);
        m.put("track_uuid", Type.UTF8);
        m.put("category", Type.UTF8);
        for (String n : List.of("length_m", "width_m", "height_m", "qw", "qx", "qy", "qz", "tx_m", "ty_m", "tz_m")) {
            m.put(n, Type.F64);
        }
        m.put("num_interior_pts", Type.I64);
        return m;
    }

    private static Map<String, Type> lidarColumns() {
        Map<String, Type> m = new LinkedHashMap<>();
        m.put("x", Type.FLOAT);
        m.put("y", Type.FLOAT);
        m.put("z", Type.FLOAT);
        m.put("intensity", Type.U8);
        m.put("laser_number", Type.U8);
        m.put("offset_ns", Type.I32);
        return m;
    }

    private static Map<String, Type> intrinsicColumns() {
        Map<String, Type> m = columns(Type.UTF8, "sensor_name", Type.F64, "fx_px", "fy_px", "cx_px", "cy_px", "k1", "k2", "k3");
        m.put("height_px", Type.U16);
        m.put("width_px", Type.U16);
        return m;
    }
}
