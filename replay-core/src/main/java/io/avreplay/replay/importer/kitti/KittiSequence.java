package io.avreplay.replay.importer.kitti;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.importer.ImageHeader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.PointRecordFile;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one log from a run of consecutive KITTI frames that share a calibration, and measures the
 * projection check on the way (each non-DontCare 3D box projected into {@code image_2} against its
 * labelled 2D box).
 */
final class KittiSequence {
    private final KittiLayout layout;
    private final List<String> frames;
    private final KittiCalib calib;
    int sensorFrames;
    int boxes3d;
    final List<String> iouFailures = new ArrayList<>();
    int iouChecked;
    double minIou = Double.POSITIVE_INFINITY;

    KittiSequence(KittiLayout layout, List<String> frames, KittiCalib calib) {
        this.layout = layout;
        this.frames = List.copyOf(frames);
        this.calib = calib;
    }

    String logId() {
        return "kitti-" + frames.get(0) + "-" + frames.get(frames.size() - 1);
    }

    void write(Path dest, BufferAllocator allocator, ImportOptions options) {
        Map<String, String> tags = Map.of("source", "kitti", "kitti.frames", frames.get(0) + ".." + frames.get(frames.size() - 1),
                "kitti.timestamps", "synthesized: frame number x " + KittiImporter.FRAME_PERIOD_NS + " ns");
        Pose rectToEgo = calib.rectToEgo();
        Pose cam2ToEgo = calib.cam2ToEgo();
        int[] size = imageSize();
        CameraIntrinsics k2 = KittiCalib.intrinsics(calib.p2(), size[0], size[1]);
        try (LogWriter w = LogWriter.create(dest, new LogMetadata(logId(), "kitti", "Karlsruhe", tags), allocator,
                options.write())) {
            w.addCalibration(SensorCalibration.lidar(KittiImporter.LIDAR, Pose.IDENTITY));
            w.addCalibration(SensorCalibration.camera(KittiImporter.CAMERA, cam2ToEgo, k2));
            w.addCalibration(SensorCalibration.camera(KittiImporter.RECT_CAMERA, rectToEgo,
                    KittiCalib.intrinsics(calib.p0(), size[0], size[1])));
            for (int i = 0; i < frames.size(); i++) {
                String f = frames.get(i);
                long t = KittiImporter.timestampOf(f);
                w.writeEgoPose(new EgoPose(t, Pose.IDENTITY, Vec3.ZERO));
                w.writeLidarSweep(sweep(f, t));
                sensorFrames++;
                Path png = layout.image(f);
                if (Files.isRegularFile(png)) {
                    byte[] data = PointRecordFile.readBytes(png);
                    ImageHeader hdr = ImageHeader.parse(data, png.toString());
                    w.writeCameraFrame(new CameraFrame(KittiImporter.CAMERA, t, hdr.encoding(), data, hdr.width(), hdr.height()));
                    sensorFrames++;
                }
                Path labelFile = layout.label(f);
                if (Files.isRegularFile(labelFile)) {
                    writeLabels(w, f, t, KittiLabel.parseFile(labelFile), rectToEgo, cam2ToEgo, k2);
                }
                options.progress().step(logId(), i + 1, frames.size());
            }
            w.commit();
        }
    }

    private void writeLabels(LogWriter w, String frame, long t, List<KittiLabel> labels, Pose rectToEgo, Pose cam2ToEgo,
            CameraIntrinsics k2) {
        List<GroundTruth3d> a3 = new ArrayList<>();
        List<GroundTruth2d> a2 = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            KittiLabel l = labels.get(i);
            String trackId = frame + "-" + i;
            a2.add(KittiBoxes.annotation2d(l, trackId));
            if (l.dontCare()) {
                continue;
            }
            if (!(l.h() > 0 && l.w() > 0 && l.l() > 0)) {
                throw new BadInputException(layout.label(frame) + " line " + (i + 1) + ": box size must be > 0, got h="
                        + l.h() + " w=" + l.w() + " l=" + l.l());
            }
            GroundTruth3d a = KittiBoxes.annotation3d(l, trackId, rectToEgo);
            a3.add(a);
            checkProjection(a, l, cam2ToEgo.inverse(), k2, trackId);
        }
        w.writeAnnotations3d(t, a3);
        boxes3d += a3.size();
        w.writeAnnotations2d(KittiImporter.CAMERA, t, a2);
    }

    private void checkProjection(GroundTruth3d a, KittiLabel l, Pose egoToCam2, CameraIntrinsics k2, String trackId) {
        double[] rect = KittiBoxes.projectedRect(a.box(), egoToCam2, k2);
        double iou = rect == null ? 0 : io.avreplay.replay.object.Box2d.iou(rect, new double[] {l.x1(), l.y1(), l.x2(), l.y2()});
        iouChecked++;
        minIou = Math.min(minIou, iou);
        if (iou < KittiImporter.MIN_IOU) {
            iouFailures.add(trackId + " " + l.type() + " IoU " + String.format(java.util.Locale.ROOT, "%.3f", iou));
        }
    }

    /** Size of the first image of the run, px; KITTI's usual 1242x375 when the run has no images. */
    private int[] imageSize() {
        for (String f : frames) {
            Path png = layout.image(f);
            if (Files.isRegularFile(png)) {
                ImageHeader h = ImageHeader.parse(PointRecordFile.readBytes(png), png.toString());
                return new int[] {h.width(), h.height()};
            }
        }
        return new int[] {1242, 375};
    }

    private LidarSweep sweep(String frame, long t) {
        float[][] p = PointRecordFile.read(layout.velodyne(frame), "x", "y", "z", "reflectance");
        int n = p[0].length;
        return new LidarSweep(KittiImporter.LIDAR, t, p[0], p[1], p[2], p[3], new byte[n], new int[n]);
    }
}
