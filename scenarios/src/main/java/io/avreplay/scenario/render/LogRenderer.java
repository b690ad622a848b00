package io.avreplay.scenario.render;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.Checksums;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.scenario.overlay.Overlays;
import io.avreplay.scenario.overlay.RunDetections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Renders one instant of a log: {@code <camera>.png} per camera (the frame nearest the instant) and
 * {@code bev.png} (the nearest lidar sweep from above, ego frame, x up, 0.1 m/px, ±50 m, distance rings
 * labelled in metres). Ground truth is drawn alone, or with a run's detections coloured by match status
 * (true positive, false positive, missed; see {@link io.avreplay.scenario.overlay.Overlays}) and a
 * legend. The pictures go into a temporary directory that is renamed into place
 * ({@link OutputPublisher}), so an output directory never mixes two renders. Stateless and thread-safe.
 */
public final class LogRenderer {
    /** The output kind: a directory marked as a render ({@code --overwrite} replaces only that). */
    public static final OutputKind OUTPUT = OutputKind.directory("render");

    private LogRenderer() {
    }

    /** Ground truth only, checksums verified; see {@link #render(Path, long, Path, boolean, BufferAllocator, Checksums, Optional)}. */
    public static List<Path> render(Path log, long atOffsetNs, Path outDir, boolean overwrite, BufferAllocator allocator) {
        return render(log, atOffsetNs, outDir, overwrite, allocator, Checksums.VERIFY, Optional.empty());
    }

    /** A new render (no {@code --overwrite}), checksums verified; see the full overload. */
    public static List<Path> render(Path log, long atOffsetNs, Path outDir, BufferAllocator allocator,
            Optional<RunDetections> run) {
        return render(log, atOffsetNs, outDir, false, allocator, Checksums.VERIFY, run);
    }

    /**
     * @param log        the log directory
     * @param atOffsetNs instant, ns after the log's start
     * @param outDir     the directory to create
     * @param overwrite  whether an earlier render at {@code outDir} may be replaced
     * @param allocator  parent allocator
     * @param checksums  whether batches are verified before decoding
     * @param run        a run's detections to draw against the ground truth, or empty for ground truth alone
     * @return the files written, at their final paths
     * @throws InvalidConfigException when the instant lies outside the log, or {@code outDir} exists and
     *         may not be replaced (see {@link OutputPublisher})
     * @throws io.avreplay.error.BadInputException when the log cannot be read
     */
    public static List<Path> render(Path log, long atOffsetNs, Path outDir, boolean overwrite, BufferAllocator allocator,
            Checksums checksums, Optional<RunDetections> run) {
        OutputPublisher.check(outDir, OUTPUT, overwrite); // an output in the way is refused before the log is read
        try (LogReader r = LogReader.open(log, allocator, checksums)) {
            return render(r, atOffsetNs, outDir, overwrite, run);
        }
    }

    /**
     * As {@link #render(Path, long, Path, boolean, BufferAllocator, Checksums, Optional)} from a log the
     * caller has open (borrowed, left open).
     */
    public static List<Path> render(LogReader r, long atOffsetNs, Path outDir, boolean overwrite,
            Optional<RunDetections> run) {
        List<String> names = new ArrayList<>();
        OutputPublisher publisher = OutputPublisher.to(outDir, OUTPUT, overwrite);
        long dur = r.manifest().durationNs();
        if (atOffsetNs < 0 || atOffsetNs > dur) {
            throw new InvalidConfigException(String.format(Locale.ROOT,
                    "--at %.3fs is outside the log %s (0 to %.3fs)", atOffsetNs / 1e9, r.directory(), dur / 1e9));
        }
        Path tmp = publisher.begin();
        try {
            draw(r, r.manifest().startNs() + atOffsetNs, run, tmp, names);
            publisher.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pictures into " + outDir + ": " + e.getMessage(), e);
        } finally {
            publisher.abort();
        }
        return names.stream().map(publisher.destination()::resolve).toList();
    }

    private static void draw(LogReader r, long t, Optional<RunDetections> run, Path outDir, List<String> names)
            throws IOException {
        FrameComposer composer = new FrameComposer(r, run.orElse(RunDetections.none()), run.isPresent());
        for (String cam : r.cameraIds()) {
            Optional<Mat> img = composer.camera(cam, t);
            if (img.isPresent()) {
                try (Mat m = img.get()) {
                    names.add(writePng(m, outDir.resolve(cam + ".png")));
                }
            }
        }
        Optional<Mat> bev = composer.bev(t);
        if (bev.isPresent()) {
            try (Mat m = bev.get()) {
                names.add(writePng(m, outDir.resolve("bev.png")));
            }
        }
    }

    /**
     * A bird's-eye view PNG of one sweep with its ground truth (grey when not scored) and detections drawn over it in white, thicker; used for the worst frames of a report.
     *
     * @param detections ego-frame detection boxes
     * @return PNG bytes
     */
    public static byte[] bevPng(LidarSweep sweep, Pose sensorToEgo, List<GroundTruth3d> truth,
            List<io.avreplay.replay.object.Box3d> detections) {
        Mat img = OverlayPainter.bev(sweep, sensorToEgo, Overlays.marks3d(truth, List.of(), false), "bird's-eye view");
        for (io.avreplay.replay.object.Box3d b : detections) {
            Vec3[] c = b.corners();
            for (int k = 0; k < 4; k++) {
                opencv_imgproc.line(img, OverlayPainter.bevPoint(c[k]), OverlayPainter.bevPoint(c[(k + 1) % 4]), new Scalar(255, 255, 255, 0), 2,
                        opencv_imgproc.LINE_AA, 0);
            }
        }
        try (BytePointer buf = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".png", img, buf)) {
                throw new IllegalStateException("OpenCV could not encode a bird's-eye view");
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return bytes;
        }
    }

    private static String writePng(Mat img, Path file) throws IOException {
        byte[] bytes;
        try (BytePointer buf = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".png", img, buf)) {
                throw new IllegalStateException("OpenCV could not encode " + file);
            }
            bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
        }
        Files.write(file, bytes);
        return file.getFileName().toString();
    }

}
