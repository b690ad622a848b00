package io.avreplay.perception.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.api.ImageInput;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dense regression targets: every cell a box owns decodes to that box. */
class CameraTargetsTest {
    private final ImageInput input = new ImageInput(128, 64); // stride 4 -> 32 x 16 cells
    private final List<String> classes = List.of("car", "truck");
    private final int cols = 32;
    private final int plane = 32 * 16;

    @Test
    void everyOwnedCellDecodesToItsBoxAndTheHigherGaussianOwnsSharedCells() {
        CameraTargets dense = new CameraTargets(input, classes, 4, 0.1);
        float[] t = new float[dense.size()];
        // Image 128 x 64 (scale 1). A 40 x 24 car centred at (30, 20): Gaussian radius 1 (0.3 * 24 / 4),
        // sigma 0.5, so the 4-neighbours (heat e^-2 = 0.135) are regressed and the diagonals (e^-4) are not.
        // A truck (28 x 28) centred at (40, 20), 2.5 cells to the right: radius 2, sigma 5/6.
        List<GroundTruth2d> gt = List.of(new GroundTruth2d(new Box2d(10, 8, 50, 32), "car", "a", 0, 0),
                new GroundTruth2d(new Box2d(26, 6, 54, 34), "truck", "b", 0, 0));
        assertEquals(2, dense.encode(gt, 128, 64, false, t, 0));
        int owned = 0;
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < cols; c++) {
                int cell = r * cols + c;
                float heat = Math.max(t[cell], t[plane + cell]);
                int reg = 2 * plane + cell;
                if (heat < 0.1f) {
                    assertEquals(0f, t[reg], "no regression target below the minimum at " + r + "," + c);
                    continue;
                }
                owned++;
                // Decode as CameraDecoder does from this cell: centre = (cell + offset) * stride.
                double cx = (c + t[reg]) * 4;
                double cy = (r + t[reg + plane]) * 4;
                double w = Math.exp(t[reg + 2 * plane]) * 4;
                boolean truck = t[plane + cell] >= t[cell];
                assertEquals(truck ? 40 : 30, cx, 1e-4, "centre x at " + r + "," + c);
                assertEquals(20, cy, 1e-4);
                assertEquals(truck ? 28 : 40, w, 1e-3);
            }
        }
        assertTrue(owned > 2, "dense: more than the two centres are regressed, got " + owned);
        // Centre-only targets regress exactly the two centre cells.
        CameraTargets centre = new CameraTargets(input, classes, 4);
        float[] c1 = new float[centre.size()];
        centre.encode(gt, 128, 64, false, c1, 0);
        int nonZero = 0;
        for (int i = 2 * plane + 2 * plane; i < 2 * plane + 3 * plane; i++) { // the log-w channel
            nonZero += c1[i] != 0 ? 1 : 0;
        }
        assertEquals(2, nonZero);
    }
}
