package io.avreplay.replay.importer.mcap;

import static io.avreplay.replay.importer.mcap.RosBagBuilder.tf;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.tfMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.log.EgoPose;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgoPosesTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theChainMapOdomBaseLinkIsResolvedAtEachEgoTransform() {
        FrameTree tree = new FrameTree();
        EgoPoses poses = new EgoPoses("base_link", "map");
        // map -> odom: (10, 5) turned 90° left; odom -> base_link: (k, 0), heading 0.
        for (int k = 0; k < 3; k++) {
            poses.tf(tree, tfMessage(tf(k * S, "map", "odom", 10, 5, 0, Math.PI / 2), tf(k * S, "odom", "base_link", k, 0, 0, 0)),
                    false, k * S);
        }
        List<EgoPose> p = poses.poses();
        assertEquals(3, p.size());
        // tick 2: odom (2, 0) turned 90° is (0, 2) in map, plus (10, 5) = (10, 7); heading π/2
        assertEquals(10, p.get(2).egoToWorld().translation().x(), 1e-9);
        assertEquals(7, p.get(2).egoToWorld().translation().y(), 1e-9);
        assertEquals(Math.PI / 2, p.get(2).egoToWorld().rotation().yaw(), 1e-9);
        assertEquals(0, poses.droppedBeforeWorld());
    }

    @Test
    void posesFromBeforeTheWorldFrameJoinedAreDroppedNotMixed() {
        FrameTree tree = new FrameTree();
        EgoPoses poses = new EgoPoses("base_link", "map");
        // ticks 0..2: odom -> base_link only (poses in odom); from tick 3 map -> odom (100, 0) joins
        for (int k = 0; k < 6; k++) {
            var msg = k < 3 ? tfMessage(tf(k * S, "odom", "base_link", k, 0, 0, 0))
                    : tfMessage(tf(k * S, "map", "odom", 100, 0, 0, 0), tf(k * S, "odom", "base_link", k, 0, 0, 0));
            poses.tf(tree, msg, false, k * S);
        }
        List<EgoPose> p = poses.poses();
        assertEquals(3, poses.droppedBeforeWorld());
        assertEquals(3, p.size());
        assertEquals(3 * S, p.get(0).timestampNs());
        assertEquals(103, p.get(0).egoToWorld().translation().x(), 1e-9);
        assertEquals(105, p.get(2).egoToWorld().translation().x(), 1e-9);
    }

    @Test
    void withoutTheWorldFrameTheRootOfTheEgoTreeStandsIn() {
        FrameTree tree = new FrameTree();
        EgoPoses poses = new EgoPoses("base_link", "map");
        poses.tf(tree, tfMessage(tf(0, "odom", "base_link", 2, 0, 0, 0)), false, 0);
        assertEquals(2, poses.poses().get(0).egoToWorld().translation().x(), 1e-9);
        assertEquals(0, poses.droppedBeforeWorld());
    }
}
