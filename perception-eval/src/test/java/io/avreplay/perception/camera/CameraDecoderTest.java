package io.avreplay.perception.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.perception.api.ImageInput;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraDecoderTest {
    private final ImageInput input = new ImageInput(64, 32); // stride 4 -> 16 x 8 cells
    private final List<String> classes = List.of("car", "pothole");

    @Test
    void encodedTargetsDecodeBackToOriginalPixels() {
        CameraTargets t = new CameraTargets(input, classes, 4);
        float[] target = new float[t.size()];
        // original image 640 x 320 (scale 10): a car and a pothole; a tiny box is skipped (< 2 input px)
        List<GroundTruth2d> gt = List.of(new GroundTruth2d(new Box2d(100, 60, 260, 180), "car", "a", 0, 0),
                new GroundTruth2d(new Box2d(400, 250, 480, 290), "pothole", "b", 0, 0),
                new GroundTruth2d(new Box2d(10, 10, 15, 15), "car", "c", 0, 0));
        assertEquals(2, t.encode(gt, 640, 320, false, target, 0));
        int plane = 16 * 8;
        for (int i = 0; i < 2 * plane; i++) {
            float p = Math.min(target[i], 0.999f);
            target[i] = (float) Math.log(p / (1 - p) + 1e-9);
        }
        List<Detection2d> d = new CameraDecoder(input, classes, 4, 0.5, 0.5, 10).decode(target, 0, "cam", 640, 320);
        assertEquals(2, d.size());
        Detection2d car = d.stream().filter(x -> x.category().equals("car")).findFirst().orElseThrow();
        assertEquals(100, car.box().x1(), 1e-3);
        assertEquals(60, car.box().y1(), 1e-3);
        assertEquals(260, car.box().x2(), 1e-3);
        assertEquals(180, car.box().y2(), 1e-3);
    }

    @Test
    void iouOfShiftedBoxes() {
        Detection2d a = Detection2d.of("c", new Box2d(0, 0, 10, 10), "car", 0.9);
        Detection2d b = Detection2d.of("c", new Box2d(1, 0, 11, 10), "car", 0.8);
        assertEquals(90.0 / 110.0, CameraDecoder.iou(a, b), 1e-9); // overlap 9x10 = 90, union 100+100-90
    }
}
