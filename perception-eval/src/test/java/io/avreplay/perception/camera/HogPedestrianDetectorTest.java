package io.avreplay.perception.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HogPedestrianDetectorTest {
    private static final SensorCalibration CAL = SensorCalibration.camera("cam", Pose.IDENTITY,
            CameraIntrinsics.pinhole(300, 300, 160, 120, 320, 240));

    @Test
    void runsOnADecodedImageAndReturnsPedestriansOnly() {
        byte[] jpeg;
        try (Mat img = new Mat(240, 320, opencv_core.CV_8UC3, new Scalar(90, 120, 150, 0));
                BytePointer buf = new BytePointer()) {
            opencv_imgcodecs.imencode(".jpg", img, buf);
            jpeg = new byte[(int) buf.limit()];
            buf.get(jpeg);
        }
        try (Detector hog = Detectors.hogPedestrians()) {
            Detections d = hog.detect(FrameSet.of(new CameraFrame("cam", 5, ImageEncoding.JPEG, jpeg, 320, 240), CAL));
            assertEquals(5, d.timestampNs());
            assertTrue(d.objects2d().stream().allMatch(o -> o.category().equals("pedestrian")));
            assertTrue(d.objects2d().isEmpty(), "a flat image has no people");
        }
    }

    @Test
    void undecodableBytesAreBadInput() {
        try (Detector hog = Detectors.hogPedestrians()) {
            BadInputException e = assertThrows(BadInputException.class, () -> hog.detect(FrameSet.of(
                    new CameraFrame("cam", 7, ImageEncoding.JPEG, new byte[] {1, 2, 3}, 320, 240), CAL)));
            assertTrue(e.getMessage().startsWith("camera cam frame at 7 ns: cannot decode jpeg image"), e.getMessage());
        }
    }

    @Test
    void findsTheLabelledPedestrianOfKittiFrame0() throws Exception {
        Path png = Path.of(System.getProperty("avreplay.shared", "../shared"),
                "data/real/kitti-object-3frames/training/image_2/000000.png");
        Assumptions.assumeTrue(Files.isRegularFile(png), "real samples not present");
        byte[] bytes = Files.readAllBytes(png);
        try (Detector hog = Detectors.hogPedestrians()) {
            List<Detection2d> found = hog.detect(FrameSet.of(new CameraFrame("cam", 0, ImageEncoding.PNG, bytes,
                    1224, 370), CAL)).objects2d();
            // label_2: Pedestrian 712.40 143.00 810.73 307.92
            Detection2d gt = Detection2d.of("cam", new Box2d(712.40, 143.00, 810.73, 307.92), "pedestrian", 1);
            double best = found.stream().mapToDouble(d -> CameraDecoder.iou(d, gt)).max().orElse(0);
            assertTrue(best > 0.3, "best IoU with the labelled pedestrian " + best + " of " + found);
        }
    }
}
