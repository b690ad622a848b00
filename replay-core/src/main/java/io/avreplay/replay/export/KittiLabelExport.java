package io.avreplay.replay.export;

import io.avreplay.replay.files.OutputKind;
import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a log's ground truth (or detections) as a KITTI {@code label_2} directory: one
 * {@code <frame>.txt} per annotated timestamp. The label frame is the calibration of
 * {@code labelCamera} (for KITTI imports {@code image_0}, the rectified camera-0 frame); 2D boxes are
 * the log's 2D ground truth of {@code imageCamera} with the same track id, or else the 3D box projected
 * into {@code imageCamera}. Frame names are the KITTI frame number for logs imported from KITTI
 * (timestamp ÷ 100 ms) and the annotated frame's index otherwise.
 */
public final class KittiLabelExport {
    /** The output kind: a directory marked as this exporter's ({@code --overwrite} replaces only that). */
    public static final OutputKind OUTPUT = OutputKind.directory("kitti-labels");

    private KittiLabelExport() {
    }

    /**
     * Exports the log's 3D ground truth.
     *
     * @throws BadInputException when the log lacks 3D ground truth or a calibration of either camera
     */
    public static int exportGroundTruth(LogReader log, String labelCamera, String imageCamera, Path outDir) {
        FrameStream<AnnotationFrame<GroundTruth3d>> gt = log.annotations3d().orElseThrow(
                () -> new BadInputException(log.directory() + ": log has no 3D ground truth to export"));
        Map<String, List<KittiLabelFormat.KittiObject>> frames = new LinkedHashMap<>();
        Pose egoToRect = calibration(log, labelCamera).sensorToEgo().inverse();
        SensorCalibration image = calibration(log, imageCamera);
        Optional<FrameStream<AnnotationFrame<GroundTruth2d>>> b2 = log.annotations2d(imageCamera);
        boolean kitti = "kitti".equals(log.manifest().tags().get("source"));
        for (int i = 0; i < gt.size(); i++) {
            AnnotationFrame<GroundTruth3d> f = gt.read(i);
            Map<String, GroundTruth2d> byTrack = new HashMap<>();
            List<GroundTruth2d> dontCare = new ArrayList<>();
            if (b2.isPresent()) {
                int j = b2.get().floorIndex(f.timestampNs());
                if (j >= 0 && b2.get().timestampNs(j) == f.timestampNs()) {
                    for (GroundTruth2d a : b2.get().read(j).boxes()) {
                        if (a.category().equals("dontcare")) {
                            dontCare.add(a);
                        } else {
                            byTrack.put(a.trackId(), a);
                        }
                    }
                }
            }
            List<KittiLabelFormat.KittiObject> objs = new ArrayList<>();
            for (GroundTruth3d a : f.boxes()) {
                GroundTruth2d a2 = byTrack.get(a.trackId());
                if (a2 != null) {
                    double trunc = Float.isNaN(a2.truncation()) ? 0 : a2.truncation();
                    objs.add(KittiLabelFormat.fromEgo(a.category(), a.box(), Double.NaN, egoToRect,
                            new double[] {a2.box().x1(), a2.box().y1(), a2.box().x2(),
                            a2.box().y2()}, trunc, a2.occlusion()));
                } else {
                    // KITTI labels only objects seen in the image: one behind the camera or outside the picture is
                    // left out; one partly outside gets its clipped box and the fraction cut off as truncation.
                    project(a.box(), image).ifPresent(p -> objs.add(KittiLabelFormat.fromEgo(a.category(), a.box(),
                            Double.NaN, egoToRect, p.bbox(), p.truncated(), UNKNOWN_OCCLUSION)));
                }
            }
            for (GroundTruth2d d : dontCare) {
                objs.add(KittiLabelFormat.dontCare(new double[] {d.box().x1(), d.box().y1(), d.box().x2(),
                        d.box().y2()}));
            }
            frames.put(frameName(f.timestampNs(), i, kitti), objs);
        }
        write(frames, outDir);
        return frames.size();
    }

    /** Writes label files atomically (the whole directory appears at once). */
    public static void write(Map<String, List<KittiLabelFormat.KittiObject>> frames, Path outDir) {
        AtomicFile.writeDirectory(outDir, OUTPUT, tmp -> {
            Files.createDirectories(tmp);
            for (Map.Entry<String, List<KittiLabelFormat.KittiObject>> e : frames.entrySet()) {
                StringBuilder sb = new StringBuilder();
                for (KittiLabelFormat.KittiObject o : e.getValue()) {
                    sb.append(KittiLabelFormat.line(o)).append('\n');
                }
                Files.writeString(tmp.resolve(e.getKey() + ".txt"), sb);
            }
        });
    }

    static String frameName(long timestampNs, int index, boolean kitti) {
        long frame = kitti && timestampNs % 100_000_000L == 0 ? timestampNs / 100_000_000L : index;
        return String.format(Locale.ROOT, "%06d", frame);
    }

    /** The box's 8 corners projected into the camera, enclosing rectangle clipped to the image; zeros when behind. */
    /** KITTI's {@code occluded} value for "unknown". */
    static final int UNKNOWN_OCCLUSION = 3;
    /** Nearest depth projected, metres in front of the camera; corners closer are moved out to it. */
    private static final double MIN_DEPTH_M = 0.1;

    /** A 3D box's picture: its 2D box clipped to the image, px, and the fraction of it cut off (0..1). */
    record Projection(double[] bbox, double truncated) {
    }

    /**
     * Projects a box into the camera's image.
     *
     * @return the clipped 2D box and its truncation, or empty when the box is wholly behind the camera or
     *         wholly outside the image
     */
    static Optional<Projection> project(Box3d box, SensorCalibration camera) {
        CameraIntrinsics k = camera.intrinsics().orElseThrow();
        Pose egoToCam = camera.sensorToEgo().inverse();
        double[] r = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean inFront = false;
        for (Vec3 c : box.corners()) {
            Vec3 p = egoToCam.apply(c);
            inFront |= p.z() > MIN_DEPTH_M;
            double[] uv = k.project(p.x(), p.y(), Math.max(p.z(), MIN_DEPTH_M));
            r[0] = Math.min(r[0], uv[0]);
            r[1] = Math.min(r[1], uv[1]);
            r[2] = Math.max(r[2], uv[0]);
            r[3] = Math.max(r[3], uv[1]);
        }
        double[] clipped = {Math.max(0, r[0]), Math.max(0, r[1]), Math.min(k.width() - 1, r[2]), Math.min(k.height() - 1, r[3])};
        if (!inFront || clipped[2] <= clipped[0] || clipped[3] <= clipped[1]) {
            return Optional.empty();
        }
        double full = (r[2] - r[0]) * (r[3] - r[1]);
        double seen = (clipped[2] - clipped[0]) * (clipped[3] - clipped[1]);
        return Optional.of(new Projection(clipped, Math.min(1, Math.max(0, 1 - seen / full))));
    }

    private static SensorCalibration calibration(LogReader log, String camera) {
        SensorCalibration c = log.calibration(camera).orElseThrow(() -> new BadInputException(log.directory()
                + ": no calibration for camera '" + camera + "' (cameras: " + log.cameraIds() + ")"));
        if (c.intrinsics().isEmpty()) {
            throw new BadInputException(log.directory() + ": sensor '" + camera + "' is not a camera");
        }
        return c;
    }
}
