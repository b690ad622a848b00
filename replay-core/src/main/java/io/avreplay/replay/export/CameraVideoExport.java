package io.avreplay.replay.export;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.progress.ProgressListener;
import io.avreplay.replay.log.CameraFrame;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Encodes one camera stream of a log as an MP4 (H.264, yuv420p, faststart; {@link H264Mp4Writer}) for a quick look. Frames are
 * decoded with OpenCV and written at a fixed rate; every frame is scaled to the first frame's size
 * rounded down to even numbers (the pixel format needs even dimensions). Timing is nominal: frame i is
 * shown at {@code i / fps}.
 */
public final class CameraVideoExport {
    private CameraVideoExport() {
    }

    /**
     * @return the number of frames written
     * @throws BadInputException when the camera stream is empty or a frame cannot be decoded
     */
    public static int export(LogReader log, String camera, double fps, Path mp4) {
        return export(log, camera, fps, mp4, ProgressListener.NONE);
    }

    /**
     * As {@link #export(LogReader, String, double, Path)}, reporting each frame encoded to {@code progress}
     * (stage: the camera id).
     */
    public static int export(LogReader log, String camera, double fps, Path mp4, ProgressListener progress) {
        FrameStream<CameraFrame> frames = log.camera(camera);
        if (frames.size() == 0) {
            throw new BadInputException(log.directory() + ": camera '" + camera + "' has no frames");
        }
        CameraFrame first = frames.read(0);
        int w = first.width() & ~1;
        int h = first.height() & ~1;
        int[] written = {0};
        AtomicFile.write(mp4, tmp -> {
            try (H264Mp4Writer rec = new H264Mp4Writer(tmp, w, h, fps)) {
                for (int i = 0; i < frames.size(); i++) {
                    CameraFrame f = i == 0 ? first : frames.read(i);
                    try (Mat img = decode(f, log, camera, i); Mat sized = new Mat()) {
                        opencv_imgproc.resize(img, sized, new Size(w, h));
                        rec.write(sized);
                        written[0]++;
                        progress.step(camera, written[0], frames.size());
                    }
                }
            }
        });
        return written[0];
    }

    private static Mat decode(CameraFrame f, LogReader log, String camera, int index) {
        try (BytePointer bytes = new BytePointer(f.data()); Mat buf = new Mat(1, f.data().length,
                org.bytedeco.opencv.global.opencv_core.CV_8UC1, bytes)) {
            Mat img = opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_COLOR);
            if (img == null || img.empty()) {
                throw new BadInputException(log.directory() + ": camera '" + camera + "' frame " + index + " at "
                        + f.timestampNs() + " ns: cannot decode " + f.encoding().id() + " image");
            }
            return img;
        }
    }
}
