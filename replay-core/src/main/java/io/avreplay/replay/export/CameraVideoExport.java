package io.avreplay.replay.export;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.progress.ProgressListener;
import io.avreplay.replay.log.CameraFrame;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Encodes one camera stream of a log as an MP4 (MPEG-4 Part 2, yuv420p) for a quick look. Frames are
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
        // FFmpeg prints stream details at info level to the process's stderr; keep it to real errors.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        AtomicFile.write(mp4, tmp -> {
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), w, h, 0);
                 OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
                rec.setFormat("mp4");
                rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                rec.setFrameRate(fps);
                rec.setVideoBitrate(8_000_000);
                rec.start();
                for (int i = 0; i < frames.size(); i++) {
                    CameraFrame f = i == 0 ? first : frames.read(i);
                    try (Mat img = decode(f, log, camera, i); Mat sized = new Mat()) {
                        opencv_imgproc.resize(img, sized, new Size(w, h));
                        Frame frame = conv.convert(sized);
                        rec.record(frame);
                        written[0]++;
                        progress.step(camera, written[0], frames.size());
                    }
                }
                rec.stop();
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
