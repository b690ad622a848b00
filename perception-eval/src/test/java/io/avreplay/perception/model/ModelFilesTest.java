package io.avreplay.perception.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.BevGrid;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Provenance;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.lidar.LidarTargets;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.log.SensorCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFilesTest {
    static final BevGrid GRID = new BevGrid(-8, 8, -8, 8, -2, 4, 0.5); // 32 x 32
    static final List<ConvSpec> BACKBONE = List.of(ConvSpec.parse("k3s2d1c4"), ConvSpec.parse("k3s1d2c4"));

    @TempDir
    Path tmp;

    static ModelCard card(BevGrid grid, List<String> classes) {
        return new ModelCard("tiny", ModelTask.LIDAR_3D, "test", grid, classes, 2, 0.1, 0.5, 50, 0,
                Provenance.untrained(7));
    }

    static MultiLayerNetwork tinyNet(int classes) {
        return CenterNetBuilder.build(4, 32, 32, BACKBONE, classes, LidarTargets.REGRESSION, true, 7, 1e-2);
    }

    @Test
    void saveLoadRoundTripGivesIdenticalOutputsAndDetections() {
        MultiLayerNetwork net = tinyNet(2);
        ModelCard card = card(GRID, List.of("car", "pedestrian"));
        ModelCard written = ModelFiles.save(net, card, tmp, false);
        assertTrue(Files.isRegularFile(tmp.resolve("card.json")));
        try (Detector loaded = Detectors.load(tmp)) {
            assertEquals(written, loaded.card());
            assertEquals(card, written.withProvenance(card.provenance()), "only the zip digest was added");
            assertEquals(64, written.provenance().config().get(ModelFiles.ZIP_DIGEST_KEY).length());
            INDArray x = Nd4j.rand(new int[] {2, 4, 32, 32});
            assertArrayEquals(net.output(x).data().asFloat(),
                    ((InferenceNetwork) ((LidarDetector) loaded).inference()).network().output(x).data().asFloat(), 0f);
            FrameSet fs = FrameSet.of(TestLogs.sweep("lidar_top", 0, 3, 500), SensorCalibration.lidar("lidar_top",
                    Pose.IDENTITY));
            assertEquals(new LidarDetector(card, net).detect(fs), loaded.detect(fs));
        }
    }

    @Test
    void corruptZipIsRejectedNamingTheFile() throws Exception {
        ModelFiles.save(tinyNet(2), card(GRID, List.of("car", "pedestrian")), tmp, false);
        Files.write(tmp.resolve("model.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.load(tmp));
        assertTrue(e.getMessage().contains("model.zip: not a readable DL4J model zip"), e.getMessage());
    }

    @Test
    void inputShapeMismatchAgainstTheCardNamesBoth() {
        ModelFiles.save(tinyNet(2), card(GRID, List.of("car", "pedestrian")), tmp, false);
        ModelCardJson.write(card(new BevGrid(-8, 8, -8, 8, -2, 4, 0.25), List.of("car", "pedestrian")),
                tmp.resolve("card.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.load(tmp));
        assertTrue(e.getMessage().contains("input shape mismatch: card expects [4, 64, 64]"), e.getMessage());
        assertTrue(e.getMessage().contains("model was built for [4, 32, 32]"), e.getMessage());
    }

    @Test
    void classCountMismatchNamesOutputChannels() {
        ModelFiles.save(tinyNet(2), card(GRID, List.of("car", "pedestrian")), tmp, false);
        ModelCardJson.write(card(GRID, List.of("car")), tmp.resolve("card.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.load(tmp));
        assertTrue(e.getMessage().contains("card's 1 classes + 8 regression = 9, model outputs 10"), e.getMessage());
    }

    @Test
    void unknownClassNameInTheCardIsRejected() throws Exception {
        ModelFiles.save(tinyNet(2), card(GRID, List.of("car", "pedestrian")), tmp, false);
        Path f = tmp.resolve("card.json");
        Files.writeString(f, Files.readString(f).replace("\"pedestrian\"", "\"unicorn\""));
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.load(tmp));
        assertTrue(e.getMessage().contains("card.json: invalid model card: unknown class name 'unicorn', expected one of"),
                e.getMessage());
    }

    @Test
    void missingModelFileIsRejected() {
        ModelCardJson.write(card(GRID, List.of("car")), tmp.resolve("card.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> Detectors.load(tmp));
        assertTrue(e.getMessage().endsWith("model.zip: model file missing"), e.getMessage());
    }
}
