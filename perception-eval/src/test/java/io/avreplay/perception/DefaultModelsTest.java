package io.avreplay.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import org.junit.jupiter.api.Test;

class DefaultModelsTest {
    @Test
    void bundledModelsLoadAndMatchTheirCards() {
        try (Detector lidar = Detectors.loadDefaultLidar(); Detector camera = Detectors.loadDefaultCamera()) {
            assertEquals(ModelTask.LIDAR_3D, lidar.card().task());
            assertEquals(ModelTask.CAMERA_2D, camera.card().task());
            assertTrue(lidar.card().classes().containsAll(java.util.List.of("car", "pedestrian", "bicycle",
                    "traffic_cone", "barrier", "truck", "bus")));
            assertTrue(camera.card().classes().contains("pothole"));
            assertTrue(lidar.card().provenance().trainingSeconds() > 0);
            // the cards carry the project's evaluators' held-out scores (docs/MODELS.md); issue 6 targets met by the lidar
            assertTrue(lidar.card().provenance().heldOutMetrics().get("nuscenes.ap_2.0.car") >= 0.7);
            assertTrue(lidar.card().provenance().heldOutMetrics().get("nuscenes.ap_2.0.pedestrian") >= 0.5);
            assertTrue(camera.card().provenance().heldOutMetrics().containsKey("coco.ap50.car"));
            assertTrue(camera.card().provenance().heldOutMetrics().containsKey("coco_moderate.ap50.car"));
            assertTrue(camera.card().provenance().config().containsKey("model_zip_sha256"));
            assertTrue(lidar.card().provenance().config().containsKey("model_zip_sha256"));
        }
    }
}
