package io.avreplay.scenario.synth.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.scenario.synth.world.Material;
import io.avreplay.scenario.synth.world.RoadLayout;
import io.avreplay.scenario.synth.world.Scene;
import io.avreplay.scenario.synth.world.SolidBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraRendererTest {
    static final RoadLayout ROAD = new RoadLayout(2, 3.5, 0, 4, false, 0, List.of(), List.of());

    @Test
    void unoccludedBoxFillsItsProjectedCorners() {
        Box3d box = Box3d.ego(new Vec3(20, 2, 0.5), 2.0, 0.45, 1.0, 0.6);
        SolidBox solid = new SolidBox(20, 2, 0, 1.0, 2.0, 0.45, 0.6, 4, Material.BARRIER, 0xeeeeee);
        CameraSpec spec = CameraSpec.front();
        CameraView view = CameraView.forEgo(spec, 0, 0, 0);
        RenderedFrame f = CameraRenderer.render(new Scene(ROAD, List.of(solid)), view, Lighting.DAY, 1, 0);
        int[] bb = idBox(f, 5);
        // the same corners through the calibration the log records (sensorToEgo + intrinsics)
        Pose egoToCam = spec.sensorToEgo().inverse();
        double u0 = 1e9;
        double v0 = 1e9;
        double u1 = -1e9;
        double v1 = -1e9;
        for (Vec3 c : box.corners()) {
            Vec3 p = egoToCam.apply(c);
            double[] uv = spec.intrinsics().project(p.x(), p.y(), p.z());
            u0 = Math.min(u0, uv[0]);
            v0 = Math.min(v0, uv[1]);
            u1 = Math.max(u1, uv[0]);
            v1 = Math.max(v1, uv[1]);
        }
        assertEquals(u0, bb[0], 1.0);
        assertEquals(v0, bb[1], 1.0);
        assertEquals(u1, bb[2], 1.0);
        assertEquals(v1, bb[3], 1.0);
        int area = CameraRenderer.silhouettePixels(new Scene(ROAD, List.of(solid)), view, 4, 0, 0, spec.width(), spec.height());
        assertEquals(bb[4], area);
    }

    @Test
    void wallHidesWhatIsBehindIt() {
        SolidBox wall = new SolidBox(15, 0, 0, 5, 0.3, 30, 0, SolidBox.NO_OWNER, Material.WALL, 0x999999);
        SolidBox car = new SolidBox(25, 0, 0.3, 1.5, 4.5, 1.9, 0, 2, Material.BODY, 0xff0000);
        Scene scene = new Scene(ROAD, List.of(wall, car));
        CameraView view = CameraView.forEgo(CameraSpec.front(), 0, 0, 0);
        RenderedFrame f = CameraRenderer.render(scene, view, Lighting.DAY, 1, 0);
        assertEquals(0, idBox(f, 3)[4]);
        assertTrue(CameraRenderer.silhouettePixels(scene, view, 2, 0, 0, 960, 540) > 1000);
    }

    /** {@code {u0, v0, u1 (exclusive), v1 (exclusive), count}} of pixels with an id. */
    static int[] idBox(RenderedFrame f, int id) {
        int[] r = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0};
        for (int v = 0; v < f.height(); v++) {
            for (int u = 0; u < f.width(); u++) {
                if (f.ids()[v * f.width() + u] == id) {
                    r[0] = Math.min(r[0], u);
                    r[1] = Math.min(r[1], v);
                    r[2] = Math.max(r[2], u + 1);
                    r[3] = Math.max(r[3], v + 1);
                    r[4]++;
                }
            }
        }
        return r;
    }
}
