package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.log.LidarSweep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Counts, for each object message, the lidar points inside each of its boxes, taken from the sweep stamped
 * within {@link #TOLERANCE_NS} of the message (either may come first in the bag). The box goes into the
 * sweep's frame through static TF; a message whose frame reaches the lidar only through the moving ego pose
 * (a world-frame message) keeps no count, and neither does one with no sweep close in time: its boxes get 0,
 * as before. A box is taken as yaw-only in the sensor frame (a level-mounted lidar). Memory: the last
 * {@link #KEEP} sweeps and the object messages still waiting for one. Not thread-safe.
 */
final class BoxPointCounter {
    /** Largest |sweep stamp − object stamp| for the two to be counted together: 5 ms. */
    static final long TOLERANCE_NS = 5_000_000L;
    /** Sweeps (of all lidars) and waiting object messages kept. */
    static final int KEEP = 4;

    private record Sweep(LidarSweep points, String frameId) {
    }

    private final FrameTree tree;
    private final Deque<Sweep> sweeps = new ArrayDeque<>();
    private final Deque<BagImport.ObjectFrame> waiting = new ArrayDeque<>();
    private final Map<BagImport.ObjectFrame, int[]> counts = new IdentityHashMap<>();

    private final Consumer<LidarSweep> dropped;

    BoxPointCounter(FrameTree tree) {
        this(tree, s -> { });
    }

    /** @param dropped told of each sweep the counter no longer keeps (after {@link #KEEP} later ones) */
    BoxPointCounter(FrameTree tree, Consumer<LidarSweep> dropped) {
        this.tree = tree;
        this.dropped = dropped;
    }

    /** A sweep was decoded: count the waiting object messages it is close to, and keep it for later ones. */
    void sweep(LidarSweep s, String frameId) {
        Sweep sw = new Sweep(s, frameId);
        for (Iterator<BagImport.ObjectFrame> it = waiting.iterator(); it.hasNext(); ) {
            BagImport.ObjectFrame f = it.next();
            if (close(f, s) && count(f, sw)) {
                it.remove();
            }
        }
        sweeps.addLast(sw);
        if (sweeps.size() > KEEP) {
            dropped.accept(sweeps.removeFirst().points());
        }
    }

    /** An object message was decoded: count it against a close sweep now, or wait for one. */
    void objects(BagImport.ObjectFrame f) {
        for (Sweep sw : sweeps) {
            if (close(f, sw.points()) && count(f, sw)) {
                return;
            }
        }
        waiting.addLast(f);
        if (waiting.size() > KEEP) {
            waiting.removeFirst();
        }
    }

    /** @return the points inside box {@code i} of {@code f}, 0 when it could not be counted */
    int pointsIn(BagImport.ObjectFrame f, int i) {
        int[] c = counts.get(f);
        return c == null ? 0 : c[i];
    }

    private static boolean close(BagImport.ObjectFrame f, LidarSweep s) {
        return Math.abs(f.timestampNs() - s.timestampNs()) <= TOLERANCE_NS;
    }

    private boolean count(BagImport.ObjectFrame f, Sweep sw) {
        Optional<Pose> toSensor = f.frameId().equals(sw.frameId()) ? Optional.of(Pose.IDENTITY)
                : tree.lookup(sw.frameId(), f.frameId(), true);
        if (toSensor.isEmpty()) {
            return false;
        }
        List<Box3d> boxes = new ArrayList<>();
        for (ObjectDecoder.FrameObject o : f.objects()) {
            Pose p = toSensor.get().compose(o.boxToFrame());
            boolean sized = o.size().x() > 0 && o.size().y() > 0 && o.size().z() > 0;
            boxes.add(sized ? Box3d.sensor(p.translation(), o.size().x(), o.size().y(), o.size().z(), p.rotation().yaw()) : null);
        }
        counts.put(f, inside(sw.points(), boxes));
        return true;
    }

    /** Points of {@code s} inside each box (a null box, one with no size, counts 0). */
    static int[] inside(LidarSweep s, List<Box3d> boxes) {
        int[] n = new int[boxes.size()];
        for (int b = 0; b < n.length; b++) {
            Box3d box = boxes.get(b);
            if (box == null) {
                continue;
            }
            double r2 = (box.length() * box.length() + box.width() * box.width() + box.height() * box.height()) / 4;
            for (int i = 0; i < s.size(); i++) {
                double dx = s.x()[i] - box.centre().x();
                double dy = s.y()[i] - box.centre().y();
                double dz = s.z()[i] - box.centre().z();
                if (dx * dx + dy * dy + dz * dz <= r2 && box.contains(s.x()[i], s.y()[i], s.z()[i])) {
                    n[b]++;
                }
            }
        }
        return n;
    }
}
