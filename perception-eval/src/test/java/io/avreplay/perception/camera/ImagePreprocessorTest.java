package io.avreplay.perception.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.perception.api.ImageInput;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {
    /** A BGR image whose pixel (x, y) has blue = x, green = y, red = 100 + x + 10 y. */
    private static byte[] gradient(int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                bgr[i] = (byte) x;
                bgr[i + 1] = (byte) y;
                bgr[i + 2] = (byte) (100 + x + 10 * y);
            }
        }
        return bgr;
    }

    @Test
    void plainInputIsChannelMajorRgb() {
        ImageInput in = new ImageInput(4, 2);
        float[] out = new float[3 * 8];
        new ImagePreprocessor(in).writeChannels(gradient(4, 2), false, out, 0);
        // pixel (x=3, y=1): index y*4+x = 7 in each plane
        assertEquals((100 + 3 + 10) / 255f, out[7], 1e-7); // red plane
        assertEquals(1 / 255f, out[8 + 7], 1e-7); // green = y
        assertEquals(3 / 255f, out[16 + 7], 1e-7); // blue = x
    }

    @Test
    void spaceToDepthPutsEachTilePixelInItsOwnChannels() {
        // 4 x 4 image, block 2: 12 channels of 2 x 2 cells
        ImageInput in = new ImageInput(4, 4, 2);
        assertEquals(12, in.channels());
        assertEquals(2, in.rows());
        assertEquals(2, in.cols());
        float[] out = new float[12 * 4];
        new ImagePreprocessor(in).writeChannels(gradient(4, 4), false, out, 0);
        // pixel (x=3, y=2): cell (row 1, col 1) = index 3; tile offset dy=0, dx=1 -> channels 3 (r), 4 (g), 5 (b)
        assertEquals((100 + 3 + 20) / 255f, out[3 * 4 + 3], 1e-7);
        assertEquals(2 / 255f, out[4 * 4 + 3], 1e-7);
        assertEquals(3 / 255f, out[5 * 4 + 3], 1e-7);
        // pixel (x=0, y=1): cell 0, tile dy=1, dx=0 -> channels 6, 7, 8
        assertEquals((100 + 10) / 255f, out[6 * 4], 1e-7);
        assertEquals(1 / 255f, out[7 * 4], 1e-7);
        assertEquals(0f, out[8 * 4]);
    }

    @Test
    void mirrorFlipsBeforeTheTiling() {
        ImageInput in = new ImageInput(4, 4, 2);
        float[] plain = new float[48];
        float[] mirrored = new float[48];
        ImagePreprocessor p = new ImagePreprocessor(in);
        byte[] img = gradient(4, 4);
        p.writeChannels(img, false, plain, 0);
        p.writeChannels(img, true, mirrored, 0);
        // source pixel (x=0, y=0) lands at mirrored x=3: cell col 1, tile dx=1 -> blue channel 5 holds x=0
        assertEquals(0f, mirrored[5 * 4 + 1]);
        assertEquals(100 / 255f, mirrored[3 * 4 + 1], 1e-7);
        // and source pixel (x=3, y=0) at mirrored x=0: cell 0, dx=0 -> blue channel 2 holds 3
        assertEquals(3 / 255f, mirrored[2 * 4], 1e-7);
        assertEquals(0f, plain[2 * 4]);
    }

    @Test
    void sizeMustBeAMultipleOfTheBlock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageInput(30, 16, 4));
        assertEquals("image input 30x16 must be a multiple of the space-to-depth block 4", e.getMessage());
    }

    @Test
    void cardsWithoutABlockReadAsPlainRgb() {
        String json = """
                {"name": "old", "task": "CAMERA_2D", "architecture": "x",
                 "input": {"type": "image", "width": 256, "height": 144},
                 "classes": ["car"], "outputStride": 4, "scoreThreshold": 0.1, "nmsThreshold": 0.5,
                 "maxDetections": 10, "flopsPerFrame": 1,
                 "provenance": {"trainedAtUtc": "", "trainingSeconds": 0, "seed": 1, "epochs": 0, "trainLogs": [],
                                "heldOutLogs": [], "config": {}, "toolVersion": "t",
                                "heldOutMetrics": {}}}""";
        ModelCard card = ModelCardJson.fromJson(json, "card.json");
        assertEquals(new ImageInput(256, 144, 1), card.input());
        ModelCard blocked = ModelCardJson.fromJson(json.replace("\"height\": 144", "\"height\": 144, \"block\": 4"),
                "card.json");
        assertEquals(48, blocked.input().channels());
        assertEquals(blocked, ModelCardJson.fromJson(ModelCardJson.toJson(blocked), "again"));
    }
}
