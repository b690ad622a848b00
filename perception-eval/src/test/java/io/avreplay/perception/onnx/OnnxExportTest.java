package io.avreplay.perception.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.model.FoldedConvNet;
import io.avreplay.perception.model.ForwardPass;
import io.avreplay.perception.model.InferenceNetwork;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Exported ONNX files run by ONNX Runtime give DL4J's and the folded path's outputs and detections. */
class OnnxExportTest {
    @TempDir
    Path tmp;

    private static ForwardPass pass(Detector d) {
        return d instanceof LidarDetector l ? l.inference() : ((CameraDetector) d).inference();
    }

    /** Gaussian inputs, or BEV-like sparse ones (90 % zeros, the rest in [0, 1)). */
    private static float[] input(int n, long seed, boolean sparse) {
        Random rnd = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = sparse ? (rnd.nextInt(10) == 0 ? rnd.nextFloat() : 0f) : (float) rnd.nextGaussian();
        }
        return x;
    }

    private static double relativeError(float[] expected, float[] got) {
        return io.avreplay.perception.model.OutputError.relative(expected, got);
    }

    @Test
    void onnxRuntimeMatchesDl4jAndFoldedOnBothShippedModels() {
        for (String name : Detectors.SHIPPED) {
            try (Detector dl4j = Detectors.loadResource(name)) {
                InferenceNetwork net = (InferenceNetwork) pass(dl4j);
                FoldedConvNet folded = net.folded().orElseThrow();
                Path dir = tmp.resolve(name);
                ModelCard written = OnnxExport.write(folded, dl4j.card(), dir);
                assertEquals(dl4j.card().withBackend(OnnxExport.backend()), written);
                try (Detector onnx = Detectors.load(dir)) {
                    assertEquals(written, onnx.card());
                    ForwardPass ort = pass(onnx);
                    assertEquals("onnxruntime-cpu", ort.backendName());
                    int[] s = dl4j.card().inputShape();
                    int n = s[0] * s[1] * s[2];
                    for (boolean sparse : new boolean[] {false, true}) {
                        // Two samples in one batch: the symbolic batch dimension works.
                        float[] x = input(2 * n, 7, sparse);
                        float[] expected;
                        try (INDArray in = Nd4j.create(x, new long[] {2, s[0], s[1], s[2]}, 'c');
                                INDArray o = net.network().output(in, false)) {
                            expected = o.dup('c').data().asFloat();
                        }
                        float[] got = ort.outputs(x, 2, s);
                        double vsDl4j = relativeError(expected, got);
                        double vsFolded = relativeError(folded.outputs(x, 2, s[0], s[1], s[2]), got);
                        assertTrue(vsDl4j < 1e-4, name + " sparse=" + sparse + ": vs DL4J " + vsDl4j);
                        assertTrue(vsFolded < 1e-4, name + " sparse=" + sparse + ": vs folded " + vsFolded);
                    }
                }
            }
        }
    }

    @Test
    void onnxLidarDetectorFindsTheDl4jBoxes() {
        Path dir = tmp.resolve("lidar");
        try (Detector dl4j = Detectors.loadResource(Detectors.DEFAULT_LIDAR)) {
            OnnxExport.write(((InferenceNetwork) pass(dl4j)).folded().orElseThrow(), dl4j.card(), dir);
            try (Detector onnx = Detectors.resolve("--lidar-model", dir.toString(), ModelTask.LIDAR_3D,
                    OnnxOptions.defaults(), null).orElseThrow()) {
                FrameSet fs = FrameSet.of(TestLogs.sweep("lidar_top", 0, 3, 4000),
                        SensorCalibration.lidar("lidar_top", Pose.IDENTITY));
                List<Detection3d> a = dl4j.detect(fs).objects3d();
                List<Detection3d> b = onnx.detect(fs).objects3d();
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).category(), b.get(i).category());
                    assertEquals(a.get(i).score(), b.get(i).score(), 1e-4);
                    assertEquals(a.get(i).box().centre().x(), b.get(i).box().centre().x(), 1e-3);
                }
            }
        }
    }

    @Test
    void aModelOfTheWrongTaskIsRefused() {
        Path dir = tmp.resolve("lidar");
        try (Detector dl4j = Detectors.loadResource(Detectors.DEFAULT_LIDAR)) {
            OnnxExport.write(((InferenceNetwork) pass(dl4j)).folded().orElseThrow(), dl4j.card(), dir);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.resolve("--camera-model",
                dir.toString(), ModelTask.CAMERA_2D, OnnxOptions.defaults(), null));
        assertEquals("--camera-model " + dir + ": expected a CAMERA_2D model, the card says LIDAR_3D", e.getMessage());
        assertTrue(Detectors.resolve("--camera-model", "none", ModelTask.CAMERA_2D, OnnxOptions.defaults(), null).isEmpty());
    }

    @Test
    void aCardThatDoesNotFitTheFileIsRefusedBeforeAnyFrame() throws Exception {
        Path dir = tmp.resolve("lidar");
        ModelCard card;
        try (Detector dl4j = Detectors.loadResource(Detectors.DEFAULT_LIDAR)) {
            card = OnnxExport.write(((InferenceNetwork) pass(dl4j)).folded().orElseThrow(), dl4j.card(), dir);
        }
        Path cardFile = dir.resolve(ModelCardJson.FILE_NAME);
        String json = java.nio.file.Files.readString(cardFile);

        // Shipped grid: ±51.2 m at 0.64 m = 160 cells; at 0.32 m the card would need 320.
        java.nio.file.Files.writeString(cardFile, json.replace("\"cellM\" : 0.64", "\"cellM\" : 0.32"));
        BadInputException shape = assertThrows(BadInputException.class, () -> Detectors.load(dir));
        assertEquals(dir.resolve("model.onnx") + ": input 'input' shape: expected [N, 4, 320, 320] (from the card), "
                + "got [N, 4, 160, 160]", shape.getMessage());

        java.nio.file.Files.writeString(cardFile, json.replace("\"inputName\" : \"input\"", "\"inputName\" : \"points\""));
        BadInputException missing = assertThrows(BadInputException.class, () -> Detectors.load(dir));
        assertEquals(dir.resolve("model.onnx") + ": input 'points' named by the card is missing, the model has [input]",
                missing.getMessage());

        // 8 classes + 8 regression = 16 output channels; one class fewer expects 15.
        java.nio.file.Files.writeString(cardFile, json.replace("\"barrier\"", "").replace("\"traffic_cone\",",
                "\"traffic_cone\""));
        BadInputException heads = assertThrows(BadInputException.class, () -> Detectors.load(dir));
        assertEquals(dir.resolve("model.onnx") + ": output 'heads' shape: expected [N, 15, 80, 80] (from the card), "
                + "got [N, 16, 80, 80]", heads.getMessage());

        java.nio.file.Files.writeString(cardFile, json.replace("\"barrier\"", "\"dragon\""));
        BadInputException unknown = assertThrows(BadInputException.class, () -> Detectors.load(dir));
        assertTrue(unknown.getMessage().startsWith(cardFile + ": invalid model card: unknown class name 'dragon'"),
                unknown.getMessage());

        java.nio.file.Files.writeString(cardFile, json);
        java.nio.file.Files.delete(dir.resolve("model.onnx"));
        BadInputException file = assertThrows(BadInputException.class, () -> Detectors.load(dir));
        assertEquals(dir.resolve("model.onnx") + ": ONNX file named by the card's backend.file does not exist",
                file.getMessage());
        assertEquals("onnx", card.backend().kind());
    }

    @Test
    void anInputOfTheWrongElementTypeIsRefused() throws Exception {
        Path dir = tmp.resolve("int-input");
        java.nio.file.Files.createDirectories(dir);
        try (Detector dl4j = Detectors.loadResource(Detectors.DEFAULT_LIDAR)) {
            ModelCardJson.write(dl4j.card().withBackend(OnnxExport.backend()), dir.resolve(ModelCardJson.FILE_NAME));
        }
        java.nio.file.Files.write(dir.resolve("model.onnx"), OnnxTestModels.int64InputCast());
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.load(dir));
        assertEquals(dir.resolve("model.onnx") + ": input 'input': expected element type float32, got INT64",
                e.getMessage());
    }

    @Test
    void aCardWithoutBackendIsADl4jModel() {
        ModelCard shipped = Detectors.shippedCard(Detectors.DEFAULT_LIDAR);
        assertEquals("dl4j", shipped.backend().kind());
        ModelCard onnx = shipped.withBackend(OnnxExport.backend());
        assertEquals(onnx, ModelCardJson.fromJson(ModelCardJson.toJson(onnx), "test"));
        assertInstanceOf(io.avreplay.perception.api.OnnxBackend.class, onnx.backend());
    }
}
