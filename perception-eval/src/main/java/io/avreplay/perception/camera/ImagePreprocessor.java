package io.avreplay.perception.camera;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.ImageInput;
import io.avreplay.replay.log.CameraFrame;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Decodes a camera frame's JPEG/PNG bytes with OpenCV, resizes it (area interpolation, no letterbox) to
 * the {@link ImageInput} size and writes RGB channel-major floats in [0, 1] (space-to-depth when the input
 * has a block). Native memory is released
 * before each call returns. Thread-safe.
 */
public final class ImagePreprocessor {
    private final ImageInput input;

    /** Creates a preprocessor for {@code input}. */
    public ImagePreprocessor(ImageInput input) {
        this.input = input;
    }

    /** @return floats per image, 3 × height × width */
    public int size() {
        return 3 * input.width() * input.height();
    }

    /**
     * Decodes and resizes {@code frame} into {@code out} from {@code offset}.
     *
     * @param mirror flip left-right (augmentation; false for inference)
     * @return the decoded image's {width, height} in pixels
     * @throws BadInputException naming the sensor and timestamp when the bytes are not an image
     */
    public int[] preprocess(CameraFrame frame, boolean mirror, float[] out, int offset) {
        int w = input.width();
        int h = input.height();
        try (Mat raw = new Mat(frame.data());
                Mat bgr = opencv_imgcodecs.imdecode(raw, opencv_imgcodecs.IMREAD_COLOR)) {
            if (bgr == null || bgr.empty()) {
                throw new BadInputException("camera " + frame.sensorId() + " frame at " + frame.timestampNs()
                        + " ns: cannot decode " + frame.encoding().id() + " image (" + frame.data().length + " bytes)");
            }
            int[] size = {bgr.cols(), bgr.rows()};
            try (Mat small = new Mat(); Size dst = new Size(w, h)) {
                opencv_imgproc.resize(bgr, small, dst, 0, 0, opencv_imgproc.INTER_AREA);
                byte[] px = new byte[w * h * 3];
                small.data().get(px);
                writeChannels(px, mirror, out, offset);
            }
            return size;
        }
    }

    /**
     * Writes interleaved BGR bytes ({@code height × width × 3}) as the network's channel-major RGB floats,
     * space-to-depth when the input's block is larger than 1.
     */
    void writeChannels(byte[] bgr, boolean mirror, float[] out, int offset) {
        int w = input.width();
        int h = input.height();
        int b = input.block();
        int cols = input.cols();
        int plane = input.rows() * cols;
        for (int y = 0; y < h; y++) {
            int row = (y / b) * cols;
            int dy = y % b;
            for (int x = 0; x < w; x++) {
                int src = (y * w + x) * 3;
                int xm = mirror ? w - 1 - x : x;
                int channel = (dy * b + xm % b) * 3;
                int dst = offset + channel * plane + row + xm / b;
                out[dst] = (bgr[src + 2] & 0xFF) / 255f;
                out[dst + plane] = (bgr[src + 1] & 0xFF) / 255f;
                out[dst + 2 * plane] = (bgr[src] & 0xFF) / 255f;
            }
        }
    }
}
