package io.avreplay.replay.export;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes BGR images as an MP4 that browsers play: H.264 (constrained baseline, through the OpenH264
 * encoder that JavaCV's FFmpeg build bundles; BSD-2-Clause, FFmpeg itself LGPL v3 in that build), pixel
 * format yuv420p, and the index ({@code moov}) at the front of the file ({@code movflags=+faststart}) so
 * playback starts before the whole file has arrived. Timing is nominal: frame i is shown at
 * {@code i / fps}. Writes straight to the given file; callers wanting atomicity pass a temporary file
 * ({@link AtomicFile}). Not thread-safe; owns the native encoder until {@link #close()}.
 */
public final class H264Mp4Writer implements AutoCloseable {
    /** The FFmpeg encoder used (no libx264 in the LGPL build JavaCV ships). */
    public static final String ENCODER = "libopenh264";

    private final FFmpegFrameRecorder recorder;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final int width;
    private final int height;
    private int frames;

    /**
     * @param file   the MP4 to write
     * @param width  frame width, pixels; must be even and positive (yuv420p)
     * @param height frame height, pixels; must be even and positive
     * @param fps    frames per second, positive
     * @throws IllegalArgumentException when a size is odd or not positive, or the rate is not positive
     * @throws IllegalStateException    when FFmpeg cannot start the encoder
     */
    public H264Mp4Writer(Path file, int width, int height, double fps) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size must be even and positive, got " + width + "x" + height);
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("fps must be positive, got " + fps);
        }
        this.width = width;
        this.height = height;
        // FFmpeg prints stream details at info level to the process's stderr; keep it to real errors.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setVideoCodecName(ENCODER);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize((int) Math.max(1, Math.round(fps * 2)));
        recorder.setVideoBitrate(Math.max(1_000_000, width * height * 4));
        recorder.setOption("movflags", "+faststart");
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IllegalStateException("FFmpeg could not start the " + ENCODER + " encoder for " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Encodes one frame.
     *
     * @param bgr an 8-bit BGR image of exactly the writer's size; not retained
     * @throws IllegalArgumentException when the size differs
     */
    public void write(Mat bgr) {
        if (bgr.cols() != width || bgr.rows() != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + bgr.cols() + "x" + bgr.rows()
                    + ", expected " + width + "x" + height);
        }
        try {
            recorder.record(converter.convert(bgr));
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IllegalStateException("FFmpeg could not encode frame " + frames + ": " + e.getMessage(), e);
        }
        frames++;
    }

    /** @return frames written so far */
    public int frames() {
        return frames;
    }

    /** Finishes the file (moves the index to the front) and frees the encoder. */
    @Override
    public void close() {
        try {
            recorder.stop();
            recorder.release();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IllegalStateException("FFmpeg could not finish the video: " + e.getMessage(), e);
        } finally {
            converter.close();
        }
    }
}
