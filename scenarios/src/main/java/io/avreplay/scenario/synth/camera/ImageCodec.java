package io.avreplay.scenario.synth.camera;

import io.avreplay.error.BadInputException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Encodes and decodes images through OpenCV. Thread-safe (no shared state). */
public final class ImageCodec {
    private ImageCodec() {
    }

    /**
     * Encodes a BGR buffer.
     *
     * @param extension {@code .jpg} or {@code .png}
     * @param quality   JPEG quality 1..100 (ignored for PNG)
     */
    public static byte[] encode(byte[] bgr, int width, int height, String extension, int quality) {
        try (Mat mat = new Mat(height, width, opencv_core.CV_8UC3);
             BytePointer out = new BytePointer();
             IntPointer params = extension.equals(".jpg")
                     ? new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality)
                     : new IntPointer(opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 3)) {
            mat.data().put(bgr, 0, bgr.length);
            if (!opencv_imgcodecs.imencode(extension, mat, out, params)) {
                throw new IllegalStateException("OpenCV could not encode a " + width + "x" + height + " " + extension);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** Decodes an encoded image into an OpenCV BGR {@link Mat} the caller must close. */
    public static Mat decode(byte[] encoded, String what) {
        try (Mat buf = new Mat(1, encoded.length, opencv_core.CV_8UC1)) {
            buf.data().put(encoded, 0, encoded.length);
            Mat img = opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_COLOR);
            if (img == null || img.empty()) {
                throw new BadInputException(what + ": image cannot be decoded");
            }
            return img;
        }
    }
}
