package io.avreplay.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.model.ForwardPass;
import io.avreplay.perception.onnx.OnnxExport;
import io.avreplay.perception.onnx.OnnxOptions;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped models' names, backends, and the committed ONNX exports against a fresh export. */
class ShippedModelsTest {
    @TempDir
    Path tmp;

    private static ForwardPass pass(Detector d) {
        return d instanceof LidarDetector l ? l.inference() : ((CameraDetector) d).inference();
    }

    @Test
    void theCommittedOnnxExportsEqualAFreshExportToOneInTenThousand() {
        for (String name : Detectors.SHIPPED) {
            Path fresh = tmp.resolve(name);
            Detectors.exportOnnx(name + "@dl4j", fresh);
            try (Detector committed = Detectors.loadShipped(name, OnnxOptions.defaults()).orElseThrow();
                    Detector exported = Detectors.load(fresh)) {
                // The committed card is the DL4J card with the ONNX backend, as a fresh export writes it.
                assertEquals(exported.card(), committed.card(), name);
                assertEquals(Detectors.shippedCard(name).withBackend(OnnxExport.backend()), committed.card(), name);
                int[] s = committed.card().inputShape();
                float[] x = new float[2 * s[0] * s[1] * s[2]];
                Random rnd = new Random(11);
                for (int i = 0; i < x.length; i++) {
                    x[i] = rnd.nextInt(5) == 0 ? rnd.nextFloat() : 0f;
                }
                float[] a = pass(exported).outputs(x, 2, s);
                float[] b = pass(committed).outputs(x, 2, s);
                double maxAbs = 0;
                for (float v : a) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
                assertTrue(maxAbs > 0, name + ": outputs are not all zero");
                double err = io.avreplay.perception.model.OutputError.relative(a, b);
                assertTrue(err < 1e-4, name + ": committed vs fresh export, relative error " + err);
            }
        }
    }

    @Test
    void aShippedNameRunsOnOnnxRuntimeAndASuffixPicksTheBackend() {
        String[][] cases = {
            {"default", "onnxruntime-cpu"}, {"bev-centernet-s", "onnxruntime-cpu"},
            {"bev-centernet-s@onnx", "onnxruntime-cpu"}, {"bev-centernet-s@folded", "folded"},
            {"bev-centernet-s@dl4j", "dl4j"}};
        for (String[] c : cases) {
            try (Detector d = Detectors.resolve("--lidar-model", c[0], ModelTask.LIDAR_3D, OnnxOptions.defaults(), null)
                    .orElseThrow()) {
                assertEquals(c[1], Detectors.backendName(d), c[0]);
                assertEquals("bev-centernet-s", d.card().name(), c[0]);
            }
        }
        try (Detector cam = Detectors.loadDefaultCamera()) {
            assertEquals("onnxruntime-cpu", Detectors.backendName(cam));
            assertEquals(ModelTask.CAMERA_2D, cam.card().task());
        }
    }

    @Test
    void anUnknownBackendSuffixIsRefusedAndOtherNamesAreNotShipped() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> Detectors.loadShipped("bev-centernet-s@tensorrt", OnnxOptions.defaults()));
        assertEquals("bev-centernet-s@tensorrt: unknown backend 'tensorrt' of shipped model bev-centernet-s, expected "
                + "one of [onnx, folded, dl4j]", e.getMessage());
        assertTrue(Detectors.loadShipped("my-model", OnnxOptions.defaults()).isEmpty());
        assertTrue(Detectors.namesShipped("cam-centernet-s@dl4j"));
        assertFalse(Detectors.namesShipped("models/cam-centernet-s"));
    }
}
