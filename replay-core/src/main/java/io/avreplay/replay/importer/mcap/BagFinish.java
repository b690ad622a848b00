package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.EgoTrajectory;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes a log from what {@link BagImport} collected: ego poses, each sensor's extrinsic from the TF
 * tree (static transforms first; identity with a warning when its frame is not connected to the ego
 * frame), and the objects moved into the ego frame (through static TF, or through the ego pose when they
 * are in the world frame; a message with an empty frame id counts as ego frame), kept when inside the
 * sensors' time span.
 */
final class BagFinish {
    private final BagImport bag;
    private final LogWriter writer;
    final List<String> warnings = new ArrayList<>();
    int boxes;

    BagFinish(BagImport bag, LogWriter writer) {
        this.bag = bag;
        this.writer = writer;
    }

    void run() {
        List<EgoPose> poses = bag.poses.poses();
        poses.forEach(writer::writeEgoPose);
        if (bag.poses.droppedBeforeWorld() > 0) {
            warnings.add("dropped the first " + bag.poses.droppedBeforeWorld() + " ego poses from /tf: they came before "
                    + bag.map.worldFrame() + " was connected to " + bag.map.egoFrame() + ", so they are in another frame");
        }
        if (poses.isEmpty()) {
            warnings.add("no ego pose: neither /tf (" + bag.map.egoFrame() + " in " + bag.map.worldFrame()
                    + ") nor nav_msgs/Odometry gave one");
        }
        for (Map.Entry<String, String> e : bag.lidarFrames.entrySet()) {
            writer.addCalibration(SensorCalibration.lidar(e.getKey(), extrinsic(e.getKey(), e.getValue())));
        }
        for (Map.Entry<String, String> e : bag.cameraFrames.entrySet()) {
            if (bag.intrinsics.containsKey(e.getKey()) && bag.lastWritten.containsKey(TopicRole.CAMERA + ":" + e.getKey())) {
                writer.addCalibration(SensorCalibration.camera(e.getKey(), extrinsic(e.getKey(), e.getValue()),
                        bag.intrinsics.get(e.getKey())));
            }
        }
        annotations(poses.isEmpty() ? null : new EgoTrajectory(poses));
    }

    private Pose extrinsic(String sensor, String frame) {
        String ego = bag.map.egoFrame();
        if (frame.equals(ego) || frame.isEmpty()) {
            return Pose.IDENTITY;
        }
        Optional<Pose> p = bag.tree.lookup(ego, frame, true).or(() -> bag.tree.lookup(ego, frame, false));
        if (p.isEmpty()) {
            warnings.add("sensor " + sensor + ": frame '" + frame + "' is not connected to '" + ego
                    + "' in /tf_static; extrinsic set to identity");
            return Pose.IDENTITY;
        }
        return p.get();
    }

    private void annotations(EgoTrajectory trajectory) {
        List<BagImport.ObjectFrame> frames = new ArrayList<>(bag.objects);
        frames.sort(Comparator.comparingLong(BagImport.ObjectFrame::timestampNs));
        long last = Long.MIN_VALUE;
        int outside = 0;
        int unplaced = 0;
        int degenerate = 0;
        String ego = bag.map.egoFrame();
        for (BagImport.ObjectFrame f : frames) {
            if (f.timestampNs() <= last || f.timestampNs() < bag.sensorFirstNs || f.timestampNs() > bag.sensorLastNs) {
                outside++;
                continue;
            }
            Optional<Pose> toEgo = f.frameId().equals(ego) || f.frameId().isEmpty() ? Optional.of(Pose.IDENTITY) : bag.tree.lookup(ego, f.frameId(), true);
            if (toEgo.isEmpty() && trajectory != null && (f.frameId().equals(bag.map.worldFrame())
                    || f.frameId().equals(bag.tree.root(ego)))) {
                toEgo = Optional.of(trajectory.at(f.timestampNs()).egoToWorld().inverse());
            }
            if (toEgo.isEmpty()) {
                unplaced++;
                continue;
            }
            List<GroundTruth3d> out = new ArrayList<>();
            for (int i = 0; i < f.objects().size(); i++) {
                ObjectDecoder.FrameObject o = f.objects().get(i);
                if (!(o.size().x() > 0 && o.size().y() > 0 && o.size().z() > 0)) {
                    degenerate++;
                    continue;
                }
                Pose boxToEgo = toEgo.get().compose(o.boxToFrame());
                Vec3 v = boxToEgo.rotation().rotate(o.velocity());
                out.add(new GroundTruth3d(Box3d.ego(boxToEgo.translation(), o.size().x(), o.size().y(), o.size().z(),
                        boxToEgo.rotation().yaw()), o.category(), o.trackId(), bag.pointCounter.pointsIn(f, i), v.x(), v.y(),
                        List.of(), Float.NaN));
            }
            writer.writeAnnotations3d(f.timestampNs(), out);
            boxes += out.size();
            last = f.timestampNs();
        }
        if (outside > 0) {
            warnings.add("dropped " + outside + " object messages outside the sensors' time span (or repeating a time)");
        }
        if (unplaced > 0) {
            warnings.add("dropped " + unplaced + " object messages in a frame not connected to '" + ego + "'");
        }
        if (degenerate > 0) {
            warnings.add("dropped " + degenerate + " objects with a size <= 0");
        }
    }
}
