package io.avreplay.scenario.render;

import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import io.avreplay.replay.progress.ProgressListener;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.export.H264Mp4Writer;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.scenario.overlay.RunDetections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A log as a video that browsers play ({@link H264Mp4Writer}: H.264, yuv420p, faststart): one video frame
 * per frame of the chosen camera, the camera image on the left and the bird's-eye view of the nearest
 * sweep on the right (scaled to the camera's height), both with the overlays of {@link FrameComposer}.
 * The rate is the camera's own by default. Written to a temporary file and renamed into place.
 * Stateless and thread-safe.
 */
public final class OverlayVideo {
    /** A single video file: {@code --overwrite} replaces only a regular file. */
    static final OutputKind VIDEO = OutputKind.file("video");

    private OverlayVideo() {
    }

    /** What was written. */
    public record Written(int frames, double fps, int width, int height) {
    }

    /**
     * @param log     an open log
     * @param camera  the camera id
     * @param run     detections to draw, or empty for ground truth alone
     * @param fps     frames per second, or empty for the camera's own rate
     * @param mp4     the file to write (replaced if present: the caller checks overwriting); written to a
     *                temporary beside it and renamed ({@link OutputPublisher})
     * @return frames written and the video's rate and size
     * @throws BadInputException when the camera has no frames or fewer than two for its own rate
     */
    public static Written export(LogReader log, String camera, Optional<RunDetections> run, OptionalDouble fps,
            Path mp4) {
        return export(log, camera, run, fps, mp4, ProgressListener.NONE);
    }

    /** As {@link #export(LogReader, String, Optional, OptionalDouble, Path)}, reporting each frame to {@code progress}. */
    public static Written export(LogReader log, String camera, Optional<RunDetections> run, OptionalDouble fps,
            Path mp4, ProgressListener progress) {
        FrameStream<CameraFrame> frames = log.camera(camera);
        if (frames.size() == 0) {
            throw new BadInputException(log.directory() + ": camera '" + camera + "' has no frames");
        }
        double rate = fps.isPresent() ? fps.getAsDouble() : ownRate(log, camera, frames);
        CameraFrame first = frames.read(0);
        int camW = first.width() & ~1;
        int camH = first.height() & ~1;
        int width = camW + camH;
        FrameComposer composer = new FrameComposer(log, run.orElse(RunDetections.none()), run.isPresent());
        // The caller has checked overwriting (the export's OutputKind); this only publishes atomically.
        OutputPublisher.write(mp4, VIDEO, true, tmp -> {
            try (H264Mp4Writer w = new H264Mp4Writer(tmp, width, camH, rate)) {
                for (int i = 0; i < frames.size(); i++) {
                    long ts = frames.timestampNs(i);
                    try (Mat side = sideBySide(composer, camera, ts, camW, camH)) {
                        w.write(side);
                    }
                    progress.step(camera, i + 1, frames.size());
                }
            }
        });
        return new Written(frames.size(), rate, width, camH);
    }

    private static double ownRate(LogReader log, String camera, FrameStream<CameraFrame> frames) {
        int n = frames.size();
        long span = n < 2 ? 0 : frames.timestampNs(n - 1) - frames.timestampNs(0);
        if (span <= 0) {
            throw new BadInputException(log.directory() + ": camera '" + camera + "' has " + n
                    + " frame(s) spanning " + span + " ns; its own rate is undefined (pass --fps)");
        }
        return (n - 1) * 1e9 / span;
    }

    private static Mat sideBySide(FrameComposer composer, String camera, long ts, int camW, int camH) {
        Mat out = new Mat();
        try (Mat cam = composer.camera(camera, ts).orElseThrow(); Mat camSized = new Mat();
             Mat bevSized = new Mat()) {
            opencv_imgproc.resize(cam, camSized, new Size(camW, camH));
            Optional<Mat> bev = composer.bev(ts);
            if (bev.isPresent()) {
                try (Mat b = bev.get()) {
                    opencv_imgproc.resize(b, bevSized, new Size(camH, camH), 0, 0, opencv_imgproc.INTER_AREA);
                }
            } else {
                try (Mat blank = new Mat(camH, camH, opencv_core.CV_8UC3, new Scalar(16, 16, 16, 0))) {
                    blank.copyTo(bevSized);
                }
            }
            try (MatVector both = new MatVector(camSized, bevSized)) {
                opencv_core.hconcat(both, out);
            }
        }
        return out;
    }
}
