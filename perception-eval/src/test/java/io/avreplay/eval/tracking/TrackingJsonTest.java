package io.avreplay.eval.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.eval.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrackingJsonTest {
    @Test
    void resultRoundTripsThroughJson() {
        // random-s42 has NaN values (a class without GT, FP/IDS/FRAG of a class without a reached threshold).
        Path dir = Golden.root().resolve("nuscenes_tracking").resolve("random-s42");
        TrackingResult r = new TrackingEvaluator(TrackingConfig.nips2019())
                .evaluateFiles(dir.resolve("gt.json"), dir.resolve("pred.json"));
        String json = TrackingJson.write(r);
        TrackingResult back = TrackingJson.read(json);
        assertEquals(r, back);
        assertEquals(json, TrackingJson.write(back));
    }
}
