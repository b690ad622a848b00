package io.avreplay.replay.arrow;

import io.avreplay.replay.files.FileTrees;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a log v1 frame by frame with bounded memory (one record batch in flight per stream; ego poses
 * are buffered {@value #POSES_PER_BATCH} at a time). Everything goes into a hidden temporary directory
 * beside the destination; {@link #commit()} writes the calibration, the time index and, last, the
 * manifest, then renames the directory into place. {@link #close()} without a commit deletes the
 * temporary directory, so a failed or interrupted write never leaves a directory that looks like a log.
 *
 * <p>Ownership: the writer creates a child allocator of the one passed in and releases it on
 * commit/close; the caller keeps ownership of the parent. Frames passed in are only read. Not
 * thread-safe.
 */
public final class LogWriter implements AutoCloseable {
    static final int POSES_PER_BATCH = 4096;

    /** The output kind of a log: a directory recognised by its {@code log.json}. */
    public static final OutputKind OUTPUT = OutputKind.directoryMarkedBy("log", LogManifest.FILE_NAME);

    private final Path destination;
    private final OutputPublisher publisher;
    private final Path temp;
    private final LogMetadata metadata;
    private final WriteOptions options;
    private final BufferAllocator allocator;
    private final Map<String, StreamFileWriter> streams = new LinkedHashMap<>();
    private final Map<String, SensorCalibration> calibrations = new LinkedHashMap<>();
    private final List<EgoPose> pendingPoses = new ArrayList<>();
    private boolean done;
    /** Deletes the temporary directory if the JVM exits (e.g. Ctrl-C) before commit or close. */
    private final Thread cleanupOnExit;

    private LogWriter(OutputPublisher publisher, Path temp, LogMetadata metadata, WriteOptions options, BufferAllocator parent) {
        this.destination = publisher.destination();
        this.publisher = publisher;
        this.temp = temp;
        this.metadata = metadata;
        this.options = options;
        this.allocator = parent.newChildAllocator("log-writer:" + metadata.logId(), 0, Long.MAX_VALUE);
        this.cleanupOnExit = new Thread(() -> FileTrees.delete(temp), "log-writer-cleanup:" + metadata.logId());
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    private void removeCleanupHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook will run and find nothing to delete
        }
    }

    /**
     * Starts a log that will appear at {@code destination} on {@link #commit()}.
     *
     * @throws io.avreplay.error.InvalidConfigException (exit 2) when the destination exists and
     *         {@code overwrite} is off, or it is not a log, or it is the working directory or a parent of it
     * @throws UncheckedIOException when the temporary directory cannot be created
     */
    public static LogWriter create(Path destination, LogMetadata metadata, BufferAllocator allocator, WriteOptions options) {
        OutputPublisher publisher = OutputPublisher.to(destination, OUTPUT, options.overwrite());
        return new LogWriter(publisher, publisher.begin(), metadata, options, allocator);
    }

    /** Adds or replaces the calibration of a sensor; written on commit. */
    public void addCalibration(SensorCalibration calibration) {
        calibrations.put(calibration.sensorId(), calibration);
    }

    /** Appends an ego pose; poses must come in timestamp order. */
    public void writeEgoPose(EgoPose pose) {
        StreamFileWriter w = stream(StreamKind.EGO_POSE, "ego");
        long prev = pendingPoses.isEmpty() ? w.lastTimestamp() : pendingPoses.get(pendingPoses.size() - 1).timestampNs();
        checkOrder(w, prev, pose.timestampNs());
        pendingPoses.add(pose);
        if (pendingPoses.size() == POSES_PER_BATCH) {
            flushPoses();
        }
    }

    /** Appends a lidar sweep as one record batch. */
    public void writeLidarSweep(LidarSweep sweep) {
        StreamFileWriter w = stream(StreamKind.LIDAR, sweep.sensorId());
        checkOrder(w, w.lastTimestamp(), sweep.timestampNs());
        write(w, root -> LidarCodec.encode(sweep, root), new long[] {sweep.timestampNs()}, false);
    }

    /** Appends a camera frame as a one-row record batch. */
    public void writeCameraFrame(CameraFrame frame) {
        StreamFileWriter w = stream(StreamKind.CAMERA, frame.sensorId());
        checkOrder(w, w.lastTimestamp(), frame.timestampNs());
        write(w, root -> CameraCodec.encode(frame, root), new long[] {frame.timestampNs()}, false);
    }

    /** Appends the 3D ground truth (ego frame) of one timestamp; an empty list records "nothing here". */
    public void writeAnnotations3d(long timestampNs, List<GroundTruth3d> boxes) {
        StreamFileWriter w = stream(StreamKind.ANNOTATIONS_3D, "annotations");
        checkOrder(w, w.lastTimestamp(), timestampNs);
        write(w, root -> AnnotationCodec.encode3d(timestampNs, boxes, root), new long[] {timestampNs}, false);
    }

    /** Appends the 2D ground truth of one camera frame. */
    public void writeAnnotations2d(String cameraId, long timestampNs, List<GroundTruth2d> boxes) {
        StreamFileWriter w = stream(StreamKind.ANNOTATIONS_2D, cameraId);
        checkOrder(w, w.lastTimestamp(), timestampNs);
        write(w, root -> AnnotationCodec.encode2d(timestampNs, boxes, root), new long[] {timestampNs}, false);
    }

    /**
     * Finishes every file, writes calibration, index and manifest, and moves the log into place.
     *
     * @return the manifest as written
     */
    public LogManifest commit() {
        if (done) {
            throw new IllegalStateException("log writer already committed or closed");
        }
        try {
            flushPoses();
            TreeMap<String, FileEntry> files = new TreeMap<>();
            List<StreamInfo> infos = new ArrayList<>();
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (StreamFileWriter w : streams.values()) {
                files.put(w.relativePath, w.finish());
                StreamInfo info = w.info();
                infos.add(info);
                if (info.count() > 0) {
                    start = Math.min(start, info.firstNs());
                    end = Math.max(end, info.lastNs());
                }
            }
            files.put(LogSchemas.CALIBRATION_FILE, writeSingleBatch(LogSchemas.CALIBRATION_FILE,
                    LogSchemas.calibration(), root -> CalibrationCodec.encode(List.copyOf(calibrations.values()), root)));
            files.put(LogSchemas.INDEX_FILE, writeSingleBatch(LogSchemas.INDEX_FILE, LogSchemas.timeIndex(),
                    this::fillIndex));
            if (start == Long.MAX_VALUE) {
                start = 0;
                end = 0;
            }
            LogManifest manifest = new LogManifest(LogManifest.FORMAT_VERSION, metadata.logId(), metadata.vehicle(),
                    metadata.location(), start, end, options.compression().id(), "avreplay " + ToolVersion.current(),
                    infos, metadata.tags(), files);
            Path manifestTemp = temp.resolve(LogManifest.FILE_NAME + ".tmp");
            ManifestCodec.write(manifest, manifestTemp);
            Files.move(manifestTemp, temp.resolve(LogManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
            publisher.commit();
            done = true;
            removeCleanupHook();
            allocator.close();
            return manifest;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot write log " + destination + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Discards the log unless it was committed; releases all Arrow memory. Idempotent. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        for (StreamFileWriter w : streams.values()) {
            w.close();
        }
        allocator.close();
        publisher.abort();
        removeCleanupHook();
    }

    private void fillIndex(VectorSchemaRoot root) {
        root.allocateNew();
        int row = 0;
        VarCharVector stream = Columns.vector(root, "stream", VarCharVector.class);
        BigIntVector ts = Columns.vector(root, "timestamp_ns", BigIntVector.class);
        IntVector batch = Columns.vector(root, "batch", IntVector.class);
        IntVector rowCol = Columns.vector(root, "row", IntVector.class);
        BigIntVector crc = Columns.vector(root, "batch_crc32c", BigIntVector.class);
        for (StreamFileWriter w : streams.values()) {
            String name = w.info().name();
            for (int i = 0; i < w.index.size(); i++, row++) {
                Columns.setString(stream, row, name);
                ts.setSafe(row, w.index.timestamp(i));
                batch.setSafe(row, w.index.batch(i));
                rowCol.setSafe(row, w.index.row(i));
                crc.setSafe(row, w.index.crc(i));
            }
        }
        root.setRowCount(row);
    }

    private FileEntry writeSingleBatch(String relativePath, Schema schema, Consumer<VectorSchemaRoot> fill) throws IOException {
        Path file = temp.resolve(relativePath);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             Crc32cChannel ch = new Crc32cChannel(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            fill.accept(root);
            w.start();
            w.writeBatch();
            w.end();
            return new FileEntry(ch.bytesWritten(), Crc32cChannel.hex(ch.wholeCrc()));
        }
    }

    private void flushPoses() {
        if (pendingPoses.isEmpty()) {
            return;
        }
        StreamFileWriter w = stream(StreamKind.EGO_POSE, "ego");
        List<EgoPose> batch = List.copyOf(pendingPoses);
        long[] ts = batch.stream().mapToLong(EgoPose::timestampNs).toArray();
        pendingPoses.clear();
        write(w, root -> EgoPoseCodec.encode(batch, root), ts, true);
    }

    private void write(StreamFileWriter w, Consumer<VectorSchemaRoot> fill, long[] ts, boolean onePerRow) {
        if (done) {
            throw new IllegalStateException("log writer already committed or closed");
        }
        try {
            w.writeBatch(fill, ts, onePerRow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp.resolve(w.relativePath) + ": " + e.getMessage(), e);
        }
    }

    private void checkOrder(StreamFileWriter w, long previous, long ts) {
        if (options.checkOrder() && ts < previous) {
            throw new IllegalArgumentException(w.relativePath + ": timestamp " + ts + " ns is before the previous frame ("
                    + previous + " ns); frames of a stream must be written in time order");
        }
    }

    private StreamFileWriter stream(StreamKind kind, String sensor) {
        String rel = LogSchemas.fileFor(kind, sensor);
        StreamFileWriter w = streams.get(rel);
        if (w == null) {
            if (done) {
                throw new IllegalStateException("log writer already committed or closed");
            }
            try {
                w = new StreamFileWriter(temp, rel, kind, sensor, LogSchemas.forStream(kind, sensor), allocator,
                        options.compression());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + temp.resolve(rel) + ": " + e.getMessage(), e);
            }
            streams.put(rel, w);
        }
        return w;
    }
}
