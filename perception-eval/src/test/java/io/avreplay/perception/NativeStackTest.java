package io.avreplay.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Proves the pinned native stack works together in one JVM: ND4J (OpenBLAS from nd4j's javacpp
 * line), OpenCV and FFmpeg (JavaCV with javacpp pinned to the same version). With Maven's default
 * resolution nd4j's javacpp wins and FFmpeg fails with {@code NoSuchMethodError PointerScope.<init>()}.
 */
class NativeStackTest {
    @TempDir
    Path tmp;

    @Test
    void nd4jOpenCvAndFfmpegInOneJvm() throws Exception {
        // ND4J: [[1,2],[3,4]] x [[5],[6]] = [[17],[39]]
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new float[][] {{5}, {6}});
        assertArrayEquals(new float[] {17, 39}, a.mmul(b).data().asFloat(), 1e-6f);

        // OpenCV: encode a grey image as JPEG and decode it back
        Mat img = new Mat(48, 64, opencv_core.CV_8UC3, new Scalar(120, 120, 120, 0));
        BytePointer jpeg = new BytePointer();
        assertTrue(opencv_imgcodecs.imencode(".jpg", img, jpeg));
        byte[] bytes = new byte[(int) jpeg.limit()];
        jpeg.get(bytes);
        Mat back = opencv_imgcodecs.imdecode(new Mat(bytes), opencv_imgcodecs.IMREAD_COLOR);
        assertEquals(64, back.cols());
        assertEquals(48, back.rows());

        // FFmpeg: write 5 frames to MP4 and read them back
        Path mp4 = tmp.resolve("clip.mp4");
        OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(mp4.toFile(), 64, 48)) {
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFormat("mp4");
            rec.setFrameRate(10);
            rec.start();
            for (int i = 0; i < 5; i++) {
                rec.record(conv.convert(back));
            }
            rec.stop();
        }
        assertTrue(Files.size(mp4) > 0);
        int frames = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                assertEquals(64, f.imageWidth);
                frames++;
            }
            g.stop();
        }
        assertEquals(5, frames);
    }
}
