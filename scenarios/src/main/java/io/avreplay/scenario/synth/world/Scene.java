package io.avreplay.scenario.synth.world;

import java.util.List;

/**
 * The world frozen at one instant: the road surface and every solid box (walls and actor parts).
 * Immutable and thread-safe; rays can be cast from many threads with their own {@link Hit}.
 *
 * @param road  the road surface
 * @param boxes walls and actor parts, world frame
 */
public record Scene(RoadLayout road, List<SolidBox> boxes) {
    public Scene {
        boxes = List.copyOf(boxes);
    }

    /**
     * Casts the ray {@code o + t·d} against the ground and the candidate boxes, keeping the nearest hit
     * within {@code maxT}.
     *
     * @param candidates indices into {@link #boxes()} to test, nearest first (from a {@link SectorIndex})
     * @param nearM      per box, a lower bound of its distance from the ray origin, metres
     *                   ({@link SectorIndex#nearM()}): testing stops at the first candidate farther than
     *                   the best hit so far
     * @param out        receives the hit
     */
    public void cast(double ox, double oy, double oz, double dx, double dy, double dz, double maxT, int[] candidates,
            double[] nearM, Hit out) {
        double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double best = road.intersectGround(ox, oy, oz, dx, dy, dz);
        int bestBox = -1;
        boolean ground = best <= maxT;
        if (!ground) {
            best = Double.POSITIVE_INFINITY;
        }
        for (int i : candidates) {
            if (nearM[i] > best * norm) {
                break;
            }
            double t = boxes.get(i).intersect(ox, oy, oz, dx, dy, dz);
            if (t < best && t <= maxT) {
                best = t;
                bestBox = i;
                ground = false;
            }
        }
        out.t = best;
        out.box = bestBox;
        out.ground = ground;
    }
}
