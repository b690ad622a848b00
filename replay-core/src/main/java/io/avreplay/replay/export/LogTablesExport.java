package io.avreplay.replay.export;

import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Exports a log as flat, uncompressed Feather v2 (Arrow IPC file) tables that pandas
 * ({@code pd.read_feather}) and polars ({@code pl.read_ipc}) open without our code: {@code points},
 * {@code boxes}, {@code boxes_2d}, {@code poses}, {@code calibration}. The schemas are
 * {@link FlatTables} and {@code docs/export-formats.md}. The directory appears atomically. Memory:
 * one sweep at a time, Arrow buffers from a child of the caller's allocator, released on return.
 */
public final class LogTablesExport {
    /** The output kind: a directory marked as this exporter's ({@code --overwrite} replaces only that). */
    public static final OutputKind OUTPUT = OutputKind.directory("feather-tables");

    private LogTablesExport() {
    }

    /** Row counts of the tables written. */
    public record Counts(long points, long boxes, long boxes2d, long poses, long sensors) {
    }

    public static Counts export(LogReader log, Path outDir, BufferAllocator parent) {
        long[] n = new long[5];
        AtomicFile.writeDirectory(outDir, OUTPUT, tmp -> {
            Files.createDirectories(tmp);
            try (BufferAllocator a = parent.newChildAllocator("tables-export", 0, Long.MAX_VALUE)) {
                n[0] = points(log, tmp.resolve("points.feather"), a);
                n[1] = boxes(log, tmp.resolve("boxes.feather"), a);
                n[2] = boxes2d(log, tmp.resolve("boxes_2d.feather"), a);
                n[3] = table(tmp.resolve("poses.feather"), FlatTables.poses(), a, (root, w) -> {
                    List<EgoPose> poses = log.egoTrajectory().poses();
                    FlatTables.fillPoses(root, poses);
                    w.writeBatch();
                    return poses.size();
                });
                n[4] = table(tmp.resolve("calibration.feather"), FlatTables.calibration(), a, (root, w) -> {
                    List<SensorCalibration> cals = log.calibrations();
                    FlatTables.fillCalibration(root, cals);
                    w.writeBatch();
                    return cals.size();
                });
            }
        });
        return new Counts(n[0], n[1], n[2], n[3], n[4]);
    }

    /** Fills and writes batches; returns rows written. */
    @FunctionalInterface
    interface Batches {
        long write(VectorSchemaRoot root, ArrowFileWriter writer) throws IOException;
    }

    static long table(Path file, Schema schema, BufferAllocator a, Batches body) throws IOException {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, a);
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            w.start();
            long rows = body.write(root, w);
            if (rows == 0) {
                root.allocateNew();
                root.setRowCount(0);
                w.writeBatch();
            }
            w.end();
            return rows;
        }
    }

    private static long points(LogReader log, Path file, BufferAllocator a) throws IOException {
        return table(file, FlatTables.points(), a, (root, w) -> {
            long rows = 0;
            for (String sensor : log.lidarIds()) {
                FrameStream<LidarSweep> s = log.lidar(sensor);
                for (int i = 0; i < s.size(); i++) {
                    LidarSweep sweep = s.read(i);
                    FlatTables.fillPoints(root, sweep);
                    w.writeBatch();
                    rows += sweep.size();
                }
            }
            return rows;
        });
    }

    private static long boxes(LogReader log, Path file, BufferAllocator a) throws IOException {
        return table(file, FlatTables.boxes(), a, (root, w) -> {
            Optional<FrameStream<AnnotationFrame<GroundTruth3d>>> gt = log.annotations3d();
            long rows = 0;
            if (gt.isPresent()) {
                for (int i = 0; i < gt.get().size(); i++) {
                    AnnotationFrame<GroundTruth3d> f = gt.get().read(i);
                    FlatTables.fillBoxes(root, f);
                    w.writeBatch();
                    rows += f.boxes().size();
                }
            }
            return rows;
        });
    }

    private static long boxes2d(LogReader log, Path file, BufferAllocator a) throws IOException {
        return table(file, FlatTables.boxes2d(), a, (root, w) -> {
            long rows = 0;
            for (String cam : log.manifest().streams(io.avreplay.replay.log.StreamKind.ANNOTATIONS_2D).stream()
                    .map(s -> s.sensor()).toList()) {
                FrameStream<AnnotationFrame<GroundTruth2d>> s = log.annotations2d(cam).orElseThrow();
                for (int i = 0; i < s.size(); i++) {
                    AnnotationFrame<GroundTruth2d> f = s.read(i);
                    FlatTables.fillBoxes2d(root, cam, f);
                    w.writeBatch();
                    rows += f.boxes().size();
                }
            }
            return rows;
        });
    }

}
