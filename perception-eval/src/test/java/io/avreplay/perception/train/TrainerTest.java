package io.avreplay.perception.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.model.ConvSpec;
import io.avreplay.replay.arrow.TestLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.avreplay.replay.arrow.ArrowTest;
import org.junit.jupiter.api.Test;

class TrainerTest extends ArrowTest {
    private TrainConfig config(Path log, int epochs, boolean resume) {
        return new TrainConfig(ModelTask.LIDAR_3D, "tiny", List.of(log), List.of(log), tmp.resolve("model"),
                List.of("car", "pedestrian"), List.of(ConvSpec.parse("k3s2d1c4")), epochs, 2, 1e-2, 3, 1, 0, resume);
    }

    @Test
    void trainsWritesCardWithProvenanceAndResumes() throws Exception {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small().withSweeps(4).withPoints(200));
        List<String> lines = new ArrayList<>();
        TrainResult first = Trainer.train(config(log, 1, false), allocator, lines::add);
        assertTrue(first.complete());
        assertTrue(lines.stream().anyMatch(l -> l.matches("epoch 1/1 step 2/2 loss [0-9.]+ [0-9.]+ samples/s .*ETA.*")),
                lines.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("model/checkpoint/state.json")));
        assertEquals(1, first.card().provenance().epochs());
        assertEquals(List.of(TestLogs.Spec.small().logId()), first.card().provenance().trainLogs());
        assertTrue(first.card().provenance().heldOutMetrics().containsKey("nuscenes.mAP"));
        try (Detector d = Detectors.load(tmp.resolve("model"))) {
            // the card written beside the zip names the exact weights
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(tmp.resolve("model/model.zip"))));
            assertEquals(sha, d.card().provenance().config().get("model_zip_sha256"));
        }

        lines.clear();
        TrainResult second = Trainer.train(config(log, 2, true), allocator, lines::add);
        assertTrue(lines.get(0).contains("resuming at epoch 2 step 0"), lines.get(0));
        assertEquals(2, second.card().provenance().epochs());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("epoch 1/")), lines.toString());
        try (Detector d = Detectors.load(tmp.resolve("model"))) {
            assertEquals("tiny", d.card().name());
        }
    }

    @Test
    void rescoreRewritesOnlyTheCardsHeldOutPart() throws Exception {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small().withSweeps(4).withPoints(200));
        Path other = tmp.resolve("other");
        TestLogs.write(other, allocator, TestLogs.Spec.small().withSweeps(6).withPoints(200).withId("other-log"));
        TrainResult trained = Trainer.train(config(log, 1, false), allocator, l -> { });
        byte[] zip = Files.readAllBytes(tmp.resolve("model/model.zip"));

        io.avreplay.perception.api.ModelCard card = Trainer.rescore(tmp.resolve("model"), List.of(other), allocator,
                l -> { });
        assertEquals(List.of("other-log"), card.provenance().heldOutLogs());
        assertEquals(3.0, card.provenance().heldOutMetrics().get("frames"), "every 2nd of 6 sweeps");
        assertEquals(trained.card().provenance().trainLogs(), card.provenance().trainLogs());
        assertEquals(trained.card().provenance().config(), card.provenance().config());
        assertEquals(trained.card().provenance().trainingSeconds(), card.provenance().trainingSeconds());
        assertTrue(java.util.Arrays.equals(zip, Files.readAllBytes(tmp.resolve("model/model.zip"))), "zip untouched");
        try (Detector d = Detectors.load(tmp.resolve("model"))) {
            assertEquals(card, d.card());
        }
    }
}
