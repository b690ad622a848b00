package io.avreplay.scenario.synth;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.synth.camera.CameraRenderer;
import io.avreplay.scenario.synth.camera.CameraView;
import io.avreplay.scenario.synth.camera.RenderedFrame;
import io.avreplay.scenario.synth.world.Scene;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives ground truth from the simulated world: 3D boxes in the ego frame with exact lidar point
 * counts, and 2D boxes from a rendered frame's object-id buffer. Stateless.
 */
final class GroundTruth {
    /** Objects farther than this from the ego are not annotated, metres. */
    static final double RANGE_M = 80;
    /** Slack of annotated boxes around the solid actor, metres (≈ 2.5 σ of the default range noise). */
    static final double MARGIN_M = 0.05;
    /** Fewer visible pixels than this get no 2D box. */
    static final int MIN_VISIBLE_PX = 6;

    private GroundTruth() {
    }

    /**
     * 3D boxes at {@code tNs} (after the log start), ego frame; velocities are world-frame velocities
     * rotated into the ego frame (not relative to the ego).
     *
     * @param sweep      the sweep taken at that time, sensor frame
     * @param lidarMount lidar position in the ego frame (identity rotation)
     */
    static List<GroundTruth3d> boxes3d(World world, long tNs, LidarSweep sweep, Vec3 lidarMount) {
        double[] e = new double[6];
        world.sample(0, tNs, e);
        double c = Math.cos(e[2]);
        double s = Math.sin(e[2]);
        double[] p = new double[6];
        List<GroundTruth3d> out = new ArrayList<>();
        for (int a = 1; a < world.agents.size(); a++) {
            Agent ag = world.agents.get(a);
            world.sample(a, tNs, p);
            double dx = p[0] - e[0];
            double dy = p[1] - e[1];
            if (Math.hypot(dx, dy) > RANGE_M) {
                continue;
            }
            Box3d box = annotatedBox(ag, c * dx + s * dy, -s * dx + c * dy, LanePath.angleDiff(p[2], e[2]));
            boolean still = ag.isStatic();
            double vx = still ? 0 : c * p[3] + s * p[4];
            double vy = still ? 0 : -s * p[3] + c * p[4];
            int points = countInside(box, sweep, lidarMount);
            out.add(new GroundTruth3d(box, ag.body.category(), ag.trackId, points, vx, vy,
                    Detection3d.attributeList(attribute(ag, p[5])), Float.NaN));
        }
        return out;
    }

    /**
     * The annotated box of an actor at a pose: its solid extent plus {@link #MARGIN_M} on the sides and
     * top (as a human annotator's box has slack), so that returns scattered by range noise still count.
     * Potholes: the outline's extent, from 5 cm above the road to 5 cm below the floor.
     */
    static Box3d annotatedBox(Agent ag, double x, double y, double yaw) {
        ActorBody b = ag.body;
        if (ag.role == Agent.Role.POTHOLE) {
            return Box3d.ego(new Vec3(x, y, 0.05 - b.heightM() / 2), b.lengthM(), b.widthM(), b.heightM(), yaw);
        }
        double h = b.heightM() + MARGIN_M;
        return Box3d.ego(new Vec3(x, y, h / 2), b.lengthM() + 2 * MARGIN_M, b.widthM() + 2 * MARGIN_M, h, yaw);
    }

    static String attribute(Agent ag, double speed) {
        if (!ag.staticAttribute.isEmpty()) {
            return ag.staticAttribute;
        }
        return switch (ag.body.category()) {
            case "car", "truck", "bus" -> speed > 0.3 ? "vehicle.moving" : "vehicle.stopped";
            case "bicycle", "motorcycle" -> ag.body.rider() ? "cycle.with_rider" : "cycle.without_rider";
            case "pedestrian" -> speed > 0.2 ? "pedestrian.moving" : "pedestrian.standing";
            default -> "";
        };
    }

    /** Points of the sweep inside the box (ego frame), by the same test as {@link Box3d#contains}. */
    static int countInside(Box3d box, LidarSweep sweep, Vec3 mount) {
        double cx = box.centre().x() - mount.x();
        double cy = box.centre().y() - mount.y();
        double cz = box.centre().z() - mount.z();
        double cos = Math.cos(box.yaw());
        double sin = Math.sin(box.yaw());
        double hl = box.length() / 2;
        double hw = box.width() / 2;
        double hh = box.height() / 2;
        double r2 = hl * hl + hw * hw;
        float[] xs = sweep.x();
        float[] ys = sweep.y();
        float[] zs = sweep.z();
        int n = 0;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - cx;
            double dy = ys[i] - cy;
            if (dx * dx + dy * dy > r2 + 1e-6) {
                continue;
            }
            if (Math.abs(zs[i] - cz) <= hh + 1e-9
                    && box.contains(xs[i] + mount.x(), ys[i] + mount.y(), zs[i] + mount.z())) {
                n++;
            }
        }
        return n;
    }

    /**
     * 2D boxes of a rendered frame: the visible extent of each actor in the id buffer, with KITTI
     * occlusion (0 ≤ 5 % hidden, 1 ≤ 50 %, 2 more) from the unoccluded silhouette, and truncation from
     * the projected 3D box.
     */
    static List<GroundTruth2d> boxes2d(World world, Scene scene, CameraView view, RenderedFrame frame, long tNs) {
        int w = frame.width();
        int h = frame.height();
        int agents = world.agents.size();
        int[] count = new int[agents];
        int[] minU = new int[agents];
        int[] minV = new int[agents];
        int[] maxU = new int[agents];
        int[] maxV = new int[agents];
        java.util.Arrays.fill(minU, Integer.MAX_VALUE);
        java.util.Arrays.fill(minV, Integer.MAX_VALUE);
        int[] ids = frame.ids();
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                int id = ids[v * w + u] - 1;
                if (id > 0) {
                    count[id]++;
                    minU[id] = Math.min(minU[id], u);
                    maxU[id] = Math.max(maxU[id], u);
                    minV[id] = Math.min(minV[id], v);
                    maxV[id] = Math.max(maxV[id], v);
                }
            }
        }
        List<GroundTruth2d> out = new ArrayList<>();
        double[] p = new double[6];
        for (int a = 1; a < agents; a++) {
            if (count[a] < MIN_VISIBLE_PX) {
                continue;
            }
            Agent ag = world.agents.get(a);
            world.sample(a, tNs, p);
            double[] proj = projectedExtent(ag, p, view);
            boolean behind = proj[4] > 0;
            int u0 = behind ? 0 : (int) Math.max(0, Math.floor(proj[0]));
            int v0 = behind ? 0 : (int) Math.max(0, Math.floor(proj[1]));
            int u1 = behind ? w : (int) Math.min(w, Math.ceil(proj[2]));
            int v1 = behind ? h : (int) Math.min(h, Math.ceil(proj[3]));
            int full = Math.max(count[a], CameraRenderer.silhouettePixels(scene, view, a, u0, v0, u1, v1));
            double hidden = 1 - (double) count[a] / full;
            int occlusion = hidden <= 0.05 ? 0 : hidden <= 0.5 ? 1 : 2;
            double area = (proj[2] - proj[0]) * (proj[3] - proj[1]);
            double inside = Math.max(0, Math.min(w, proj[2]) - Math.max(0, proj[0]))
                    * Math.max(0, Math.min(h, proj[3]) - Math.max(0, proj[1]));
            float trunc = (float) Math.max(0, Math.min(1, area > 0 ? 1 - inside / area : 0));
            if (proj[4] > 0) {
                trunc = Math.max(trunc, 0.5f);
            }
            out.add(new GroundTruth2d(new Box2d(minU[a], minV[a], maxU[a] + 1, maxV[a] + 1), ag.body.category(),
                    ag.trackId, trunc, occlusion));
        }
        return out;
    }

    /** @return {@code {u0, v0, u1, v1, behind}}: bounds of the projected 3D box corners in front of the camera, px, and 1 if any corner is behind it */
    static double[] projectedExtent(Agent ag, double[] pose, CameraView view) {
        Box3d world = annotatedBox(ag, pose[0], pose[1], pose[2]);
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, 0};
        double[] uv = new double[3];
        for (Vec3 corner : world.corners()) {
            if (!view.project(corner.x(), corner.y(), corner.z(), uv)) {
                r[4] = 1;
                continue;
            }
            r[0] = Math.min(r[0], uv[0]);
            r[1] = Math.min(r[1], uv[1]);
            r[2] = Math.max(r[2], uv[0]);
            r[3] = Math.max(r[3], uv[1]);
        }
        if (r[0] > r[2]) {
            return new double[] {0, 0, 0, 0, 1};
        }
        return r;
    }
}
