package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.ros2.RosStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the ego poses a bag offers: from {@code /tf}, each time the transform whose child is the ego
 * frame arrives, the chain ego → … → world resolved through the latest transforms (e.g. map → odom →
 * base_link; when the world frame never appears, the root of the ego's tree stands in for it); and from
 * {@code nav_msgs/Odometry} ({@code pose.pose} in {@code header.frame_id}). The TF poses win when there
 * are any; when the world frame joins the tree only after some ego transforms (e.g. map → odom first sent
 * late), the poses resolved before it, in the tree's root instead, are dropped rather than mixed with the
 * world-frame ones ({@link #droppedBeforeWorld()}). Velocities are central differences of positions. Not thread-safe.
 */
final class EgoPoses {
    /** A pose and the frame it is in: the world frame, or the root of the ego's tree when the world was not reachable. */
    private record Stamped(long timestampNs, Pose egoToWorld, String frame) {
    }

    private final String ego;
    private final String world;
    private final List<Stamped> fromTf = new ArrayList<>();
    private final List<Stamped> fromOdometry = new ArrayList<>();
    private String odometryFrame = "";

    EgoPoses(String egoFrame, String worldFrame) {
        this.ego = egoFrame;
        this.world = worldFrame;
    }

    void tf(FrameTree tree, RosStruct msg, boolean isStatic, long logTimeNs) {
        long egoStamp = -1;
        for (RosStruct t : msg.structs("transforms")) {
            RosStruct h = t.struct("header");
            String child = RosGeometry.frame(t.string("child_frame_id"));
            tree.put(RosGeometry.frame(h.string("frame_id")), child, RosGeometry.transform(t.struct("transform")), isStatic);
            if (child.equals(ego) && !isStatic) {
                egoStamp = RosGeometry.stamp(h, logTimeNs);
            }
        }
        if (egoStamp >= 0) {
            Optional<Pose> p = tree.lookup(world, ego, false);
            String frame = world;
            if (p.isEmpty()) {
                frame = tree.root(ego);
                p = tree.lookup(frame, ego, false);
            }
            if (p.isPresent()) {
                add(fromTf, new Stamped(egoStamp, p.get(), frame));
            }
        }
    }

    void odometry(RosStruct msg, long logTimeNs) {
        RosStruct h = msg.struct("header");
        odometryFrame = RosGeometry.frame(h.string("frame_id"));
        add(fromOdometry, new Stamped(RosGeometry.stamp(h, logTimeNs), RosGeometry.pose(msg.struct("pose").struct("pose")),
                odometryFrame));
    }

    private static void add(List<Stamped> l, Stamped s) {
        if (l.isEmpty() || s.timestampNs > l.get(l.size() - 1).timestampNs) {
            l.add(s);
        }
    }

    /**
     * The TF poses to keep: when the world frame was reached at some point, only the poses resolved in it (the
     * ones before its first transform are in another frame, e.g. odom, and would jump); else all of them.
     */
    private List<Stamped> tfPoses() {
        boolean reachedWorld = fromTf.stream().anyMatch(s -> s.frame.equals(world));
        return reachedWorld ? fromTf.stream().filter(s -> s.frame.equals(world)).toList() : fromTf;
    }

    /** TF poses left out because they were resolved before the world frame was reachable (see {@link #poses()}). */
    int droppedBeforeWorld() {
        return fromTf.size() - tfPoses().size();
    }

    /** @return {@code tf}, {@code odometry (<frame>)} or {@code none} */
    String source() {
        return !fromTf.isEmpty() ? "tf" : !fromOdometry.isEmpty() ? "odometry (" + odometryFrame + ")" : "none";
    }

    /** The chosen poses with velocities, strictly increasing in time. */
    List<EgoPose> poses() {
        List<Stamped> s = !fromTf.isEmpty() ? tfPoses() : fromOdometry;
        List<EgoPose> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            Stamped a = s.get(Math.max(0, i - 1));
            Stamped b = s.get(Math.min(s.size() - 1, i + 1));
            Vec3 v = Vec3.ZERO;
            if (b.timestampNs > a.timestampNs) {
                v = b.egoToWorld.translation().minus(a.egoToWorld.translation()).times(1e9 / (b.timestampNs - a.timestampNs));
            }
            out.add(new EgoPose(s.get(i).timestampNs, s.get(i).egoToWorld, v));
        }
        return out;
    }
}
