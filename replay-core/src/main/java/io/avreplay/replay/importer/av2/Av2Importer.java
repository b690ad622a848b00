package io.avreplay.replay.importer.av2;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.OutputSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Imports Argoverse 2 sensor logs: lidar sweeps ({@value #LIDAR}, ego frame, intensity 0..255, ring =
 * laser number, per-point offsets), every ego pose of {@code city_SE3_egovehicle} (the city frame is
 * the world frame; velocity by central differences), calibration (identity for {@value #LIDAR}; each
 * sensor of {@code egovehicle_SE3_sensor}, with {@code intrinsics} for cameras and AV2's radial
 * {@code k1..k3} kept as model {@code radial_k1k2k3}), all cuboids of {@code annotations.feather} (category
 * in lower case, track id = {@code track_uuid}, {@code num_interior_pts} kept, yaw taken from the
 * quaternion), and camera JPEGs under {@code sensors/cameras/<camera>/<ns>.jpg} when present. The AV2
 * log id becomes the log id. Thread-safe (stateless).
 */
public final class Av2Importer {
    /** The merged lidar's sensor id. */
    public static final String LIDAR = "lidar";

    private Av2Importer() {
    }

    /**
     * @param src       one AV2 log directory, or a directory whose sub-directories (or {@code logs/} ones) are logs
     * @param out       the log when {@code src} is one log, else a directory receiving one log per AV2 log
     * @return the logs and the check that every cuboid at a sweep's timestamp holds exactly
     *         {@code num_interior_pts} of that sweep's points
     * @throws io.avreplay.error.SchemaMismatchException naming file and column when a Feather file lacks a
     *         column or has one of another type; nothing is left at {@code out}
     */
    public static ImportReport importDataset(Path src, Path out, BufferAllocator allocator, ImportOptions options) {
        List<Path> dirs = locate(src);
        OutputSet outputs = new OutputSet(out, dirs.size(), options.write().overwrite());
        int frames = 0;
        int boxes = 0;
        int checked = 0;
        List<String> failures = new ArrayList<>();
        try {
            for (Path d : dirs) {
                Av2Log log = new Av2Log(d);
                Path dest = outputs.destination(log.logId());
                log.write(dest, allocator, options);
                outputs.committed(dest);
                frames += log.sensorFrames;
                boxes += log.boxes3d;
                checked += log.countChecked;
                failures.addAll(log.countFailures);
            }
            outputs.complete();
        } catch (RuntimeException e) {
            outputs.discard();
            throw e;
        }
        String detail = "rule: points inside each cuboid at a sweep's timestamp == num_interior_pts, all cuboids"
                + (failures.isEmpty() ? "" : "; differ: " + String.join(", ", failures.subList(0, Math.min(10, failures.size()))));
        return new ImportReport("av2", src, outputs.logs(), frames, boxes,
                List.of(new ImportCheck("num_interior_pts", checked - failures.size(), checked, failures.isEmpty(), detail)));
    }

    private static List<Path> locate(Path src) {
        if (isLog(src)) {
            return List.of(src);
        }
        Path parent = Files.isDirectory(src.resolve("logs")) ? src.resolve("logs") : src;
        List<Path> logs = Av2Log.list(parent, "").stream().filter(Av2Importer::isLog).toList();
        if (logs.isEmpty()) {
            throw new BadInputException(src + ": not an Argoverse 2 sensor log (expected city_SE3_egovehicle.feather "
                    + "and sensors/lidar/) nor a directory of logs");
        }
        return logs;
    }

    private static boolean isLog(Path d) {
        return Files.isRegularFile(d.resolve("city_SE3_egovehicle.feather"));
    }
}
