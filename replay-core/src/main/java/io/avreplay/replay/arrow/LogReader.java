package io.avreplay.replay.arrow;

import io.avreplay.error.BadInputException;
import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.EgoTrajectory;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.log.SensorFrame;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;

/**
 * An open log v1. {@link #open} reads the manifest, checks the format version, every file's size
 * against the manifest and every stream file's schema, and loads the time index, calibration and ego
 * poses (small). Sensor and ground-truth frames are decoded on demand through {@link FrameStream}s.
 * Each open-time check is its own class: {@code ManifestFile} (finding and reading {@code log.json}),
 * {@code LogFiles} (every listed file inside the log, of its recorded size), {@code LogChecksums}
 * (CRC-32C of the small files, or of all for validation) and {@code IndexLoader} (the time index against
 * the manifest's counts and the files' batches).
 *
 * <p>Ownership: the reader creates one child allocator of the allocator passed in and owns every
 * Arrow buffer it reads; {@link #close()} releases them all. Values returned are plain Java records
 * and remain valid after close. Not thread-safe: use one reader per thread.
 */
public final class LogReader implements AutoCloseable {
    private final Path dir;
    private final LogManifest manifest;
    private final BufferAllocator allocator;
    private final Map<String, ArrowStreamFile> files = new LinkedHashMap<>();
    private final Map<String, TimeIndex> indexes;
    private final List<SensorCalibration> calibrations;
    private final EgoTrajectory ego;
    private final boolean verify;

    private LogReader(Path dir, LogManifest manifest, BufferAllocator allocator, Checksums checksums) {
        this.dir = dir;
        this.manifest = manifest;
        this.allocator = allocator;
        this.verify = checksums == Checksums.VERIFY;
        try {
            if (verify) {
                LogChecksums.verifySmallFiles(dir, manifest);
            }
            openStreamFiles();
            this.indexes = IndexLoader.load(dir, manifest, allocator, f -> files.get(f).batchCount());
            this.calibrations = readCalibration();
            this.ego = readEgo();
        } catch (RuntimeException e) {
            throw closeAfter(e);
        }
    }

    /** A view of {@code shared}: its checked manifest and loaded index, calibration and poses; own files. */
    private LogReader(LogReader shared, BufferAllocator allocator, Checksums checksums) {
        this.dir = shared.dir;
        this.manifest = shared.manifest;
        this.allocator = allocator;
        this.verify = checksums == Checksums.VERIFY;
        this.indexes = shared.indexes;
        this.calibrations = shared.calibrations;
        this.ego = shared.ego;
        try {
            if (verify && !shared.verify) {
                LogChecksums.verifySmallFiles(dir, manifest);
            }
            openStreamFiles();
        } catch (RuntimeException e) {
            throw closeAfter(e);
        }
    }

    private void openStreamFiles() {
        for (StreamInfo s : manifest.streams()) {
            files.put(s.file(), new ArrowStreamFile(dir, s.file(), LogSchemas.forStream(s.kind(), s.sensor()), allocator));
        }
    }

    private RuntimeException closeAfter(RuntimeException e) {
        try {
            close();
        } catch (RuntimeException cleanup) {
            e.addSuppressed(cleanup);
        }
        return e;
    }

    /** Opens a log that verifies checksums ({@link Checksums#VERIFY}); see {@link #open(Path, BufferAllocator, Checksums)}. */
    public static LogReader open(Path dir, BufferAllocator allocator) {
        return open(dir, allocator, Checksums.VERIFY);
    }

    /**
     * Opens a log directory.
     *
     * @param dir       the log directory (holding {@code log.json})
     * @param allocator parent allocator; the reader takes a named child of it
     * @param checksums whether to check the small files at open and every batch before decoding it
     * @throws BadInputException     when {@code dir} is not a log, is incomplete or of another version
     * @throws CorruptLogException   when a file is truncated, resized, undecodable, outside the log
     *                               directory, not a regular file, or (verifying) fails its checksum
     * @throws io.avreplay.error.SchemaMismatchException when a file lacks a column or has a wrong type
     */
    public static LogReader open(Path dir, BufferAllocator allocator, Checksums checksums) {
        LogManifest manifest = readManifest(dir);
        checkFiles(dir, manifest);
        return withChild(allocator, "log-reader:" + manifest.logId(), child -> new LogReader(dir, manifest, child, checksums));
    }

    /**
     * Another reader over this open log, for another thread (a reader is not thread-safe): it shares the
     * manifest, time index, calibration and ego poses this reader checked and loaded at {@link #open}
     * (immutable, so sharing them across threads is safe) and opens only its own file handles and buffers.
     * The log is opened once however many threads decode it. May be called from any thread while this
     * reader is in use; the view is owned by the caller and outlives nothing it shares.
     *
     * @param allocator parent allocator; the view takes a named child of it ({@code log-view:<logId>})
     * @param checksums whether the view checks every batch before decoding it (and, when this reader did
     *                  not verify at open, the small files now)
     * @throws CorruptLogException when a stream file changed since the open and no longer reads
     */
    public LogReader view(BufferAllocator allocator, Checksums checksums) {
        return withChild(allocator, "log-view:" + manifest.logId(), child -> new LogReader(this, child, checksums));
    }

    /** Runs {@code make} with a fresh named child allocator, closing the child when it fails. */
    private static LogReader withChild(BufferAllocator parent, String name,
            java.util.function.Function<BufferAllocator, LogReader> make) {
        BufferAllocator child = parent.newChildAllocator(name, 0, Long.MAX_VALUE);
        try {
            return make.apply(child);
        } catch (RuntimeException e) {
            try {
                child.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Checks that every file the manifest lists is a regular file inside {@code dir} of the recorded
     * size, and that every stream has a file entry (no file is read).
     *
     * @throws CorruptLogException naming the file otherwise
     */
    public static void checkFiles(Path dir, LogManifest manifest) {
        LogFiles.checkListed(dir, manifest);
    }

    /**
     * Reads and checks only the manifest of a log.
     *
     * @throws BadInputException when {@code dir} is not a log directory or the manifest is invalid
     */
    public static LogManifest readManifest(Path dir) {
        return ManifestFile.read(dir);
    }

    public Path directory() {
        return dir;
    }

    public LogManifest manifest() {
        return manifest;
    }

    /** @return every sensor's calibration, in file order */
    public List<SensorCalibration> calibrations() {
        return calibrations;
    }

    public Optional<SensorCalibration> calibration(String sensorId) {
        return calibrations.stream().filter(c -> c.sensorId().equals(sensorId)).findFirst();
    }

    /** @return the ego trajectory (empty when the log has no poses) */
    public EgoTrajectory egoTrajectory() {
        return ego;
    }

    /** @return ids of lidar sensors with a stream, in manifest order */
    public List<String> lidarIds() {
        return manifest.streams(StreamKind.LIDAR).stream().map(StreamInfo::sensor).toList();
    }

    /** @return ids of cameras with a stream, in manifest order */
    public List<String> cameraIds() {
        return manifest.streams(StreamKind.CAMERA).stream().map(StreamInfo::sensor).toList();
    }

    /** @throws BadInputException naming the available lidars when {@code sensor} has no lidar stream */
    public LidarStream lidar(String sensor) {
        StreamInfo info = require(StreamKind.LIDAR, sensor);
        return new ArrowFrameStream.Lidar(info, files.get(info.file()), indexes.get(info.name()), sensor, verify);
    }

    /** @throws BadInputException naming the available cameras when {@code sensor} has no camera stream */
    public FrameStream<CameraFrame> camera(String sensor) {
        return stream(StreamKind.CAMERA, sensor, (root, row, ts) -> CameraCodec.decode(root, sensor, row));
    }

    /** A sensor stream by id, whichever kind it is. */
    public FrameStream<? extends SensorFrame> sensor(String sensor) {
        if (manifest.stream(StreamKind.LIDAR, sensor).isPresent()) {
            return lidar(sensor);
        }
        if (manifest.stream(StreamKind.CAMERA, sensor).isPresent()) {
            return camera(sensor);
        }
        throw new BadInputException(dir + ": no sensor '" + sensor + "' (the log has: "
                + String.join(", ", sensorIds()) + ")");
    }

    /** @return ids of all sensor streams, lidars first */
    public List<String> sensorIds() {
        List<String> ids = new ArrayList<>(lidarIds());
        ids.addAll(cameraIds());
        return ids;
    }

    /** 3D ground truth, one frame per annotated timestamp; empty stream when the log has none. */
    public Optional<FrameStream<AnnotationFrame<GroundTruth3d>>> annotations3d() {
        if (manifest.stream(StreamKind.ANNOTATIONS_3D, "annotations").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stream(StreamKind.ANNOTATIONS_3D, "annotations",
                (root, row, ts) -> new AnnotationFrame<>("annotations", ts, AnnotationCodec.decode3d(root))));
    }

    /** 2D ground truth of one camera, if the log has it. */
    public Optional<FrameStream<AnnotationFrame<GroundTruth2d>>> annotations2d(String camera) {
        if (manifest.stream(StreamKind.ANNOTATIONS_2D, camera).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stream(StreamKind.ANNOTATIONS_2D, camera,
                (root, row, ts) -> new AnnotationFrame<>(camera, ts, AnnotationCodec.decode2d(root))));
    }

    /** Any stream listed in the manifest, decoded to its natural record type. */
    public FrameStream<?> stream(StreamInfo info) {
        return switch (info.kind()) {
            case LIDAR -> lidar(info.sensor());
            case CAMERA -> camera(info.sensor());
            case ANNOTATIONS_3D -> annotations3d().orElseThrow();
            case ANNOTATIONS_2D -> annotations2d(info.sensor()).orElseThrow();
            case EGO_POSE -> stream(StreamKind.EGO_POSE, "ego", (root, row, ts) -> EgoPoseCodec.decode(root, row));
        };
    }

    /**
     * Recomputes the CRC-32C of every file and compares it with the manifest.
     *
     * @return one message per mismatching file (empty when all match)
     */
    public List<String> verifyChecksums() {
        return verifyChecksums(dir, manifest);
    }

    /**
     * Recomputes the CRC-32C of every file a manifest lists (already checked to lie inside {@code dir}).
     *
     * @return one message per mismatching file (empty when all match)
     * @throws CorruptLogException when a file cannot be read
     */
    public static List<String> verifyChecksums(Path dir, LogManifest manifest) {
        return LogChecksums.verifyAll(dir, manifest);
    }

    private StreamInfo require(StreamKind kind, String sensor) {
        return manifest.stream(kind, sensor).orElseThrow(() -> new BadInputException(dir + ": no "
                + kind.id() + " stream for sensor '" + sensor + "' (the log has: "
                + manifest.streams(kind).stream().map(StreamInfo::sensor).collect(Collectors.joining(", ")) + ")"));
    }

    private <T> FrameStream<T> stream(StreamKind kind, String sensor, ArrowFrameStream.Decoder<T> decoder) {
        StreamInfo info = require(kind, sensor);
        return new ArrowFrameStream<>(info, files.get(info.file()), indexes.get(info.name()), decoder, verify);
    }

    private List<SensorCalibration> readCalibration() {
        if (!manifest.files().containsKey(LogSchemas.CALIBRATION_FILE)) {
            throw new CorruptLogException(dir.resolve(LogSchemas.CALIBRATION_FILE) + ": missing from the manifest");
        }
        List<SensorCalibration> out = new ArrayList<>();
        try (ArrowStreamFile f = new ArrowStreamFile(dir, LogSchemas.CALIBRATION_FILE, LogSchemas.calibration(), allocator)) {
            for (int b = 0; b < f.batchCount(); b++) {
                try {
                    out.addAll(CalibrationCodec.decode(f.load(b)));
                } catch (CorruptLogException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new CorruptLogException(f.file() + ": batch " + b + ": invalid calibration ("
                            + ArrowStreamFile.describe(e) + ")", e);
                }
            }
        }
        return List.copyOf(out);
    }

    private EgoTrajectory readEgo() {
        Optional<StreamInfo> info = manifest.stream(StreamKind.EGO_POSE, "ego");
        if (info.isEmpty()) {
            return new EgoTrajectory(List.of());
        }
        FrameStream<?> s = stream(info.get());
        List<EgoPose> poses = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            poses.add((EgoPose) s.read(i));
        }
        poses.sort(java.util.Comparator.comparingLong(EgoPose::timestampNs));
        try {
            return new EgoTrajectory(poses);
        } catch (IllegalArgumentException e) {
            throw new CorruptLogException(dir.resolve(info.get().file()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes every reader of {@code readers}, each even when an earlier one fails.
     *
     * @throws RuntimeException the first failure, the later ones suppressed in it
     */
    public static void closeAll(Iterable<LogReader> readers) {
        RuntimeException failure = null;
        for (LogReader r : readers) {
            try {
                r.close();
            } catch (RuntimeException e) {
                failure = LogFiles.chain(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Releases every Arrow buffer and file handle of this reader. Idempotent. Every file is closed even
     * when one fails; the first failure (a leak report) is thrown with the others suppressed.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ArrowStreamFile f : files.values()) {
            try {
                f.close();
            } catch (RuntimeException e) {
                failure = LogFiles.chain(failure, e);
            }
        }
        files.clear();
        try {
            allocator.close();
        } catch (RuntimeException e) {
            failure = LogFiles.chain(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
