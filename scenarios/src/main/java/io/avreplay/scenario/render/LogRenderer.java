package io.avreplay.scenario.render;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.synth.camera.ImageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Renders one instant of a log: {@code <camera>.png} per camera (the frame nearest the instant with
 * its 2D boxes) and {@code bev.png} (the nearest lidar sweep from above, ego frame, x up, 0.1 m/px,
 * ±50 m, with its 3D boxes and headings). Files are written to a temporary name and renamed.
 * Stateless and thread-safe.
 */
public final class LogRenderer {
    private static final int BEV_PX = 1000;
    private static final double BEV_M_PER_PX = 0.1;

    private LogRenderer() {
    }

    /**
     * @param log        the log directory
     * @param atOffsetNs instant, ns after the log's start
     * @param outDir     created if needed
     * @param allocator  parent allocator
     * @return the files written
     * @throws InvalidConfigException when the instant lies outside the log
     * @throws io.avreplay.error.BadInputException when the log cannot be read
     */
    public static List<Path> render(Path log, long atOffsetNs, Path outDir, BufferAllocator allocator) {
        List<Path> written = new ArrayList<>();
        try (LogReader r = LogReader.open(log, allocator)) {
            long dur = r.manifest().durationNs();
            if (atOffsetNs < 0 || atOffsetNs > dur) {
                throw new InvalidConfigException(String.format(Locale.ROOT,
                        "--at %.3fs is outside the log %s (0 to %.3fs)", atOffsetNs / 1e9, log, dur / 1e9));
            }
            long t = r.manifest().startNs() + atOffsetNs;
            Files.createDirectories(outDir);
            for (String cam : r.cameraIds()) {
                FrameStream<CameraFrame> frames = r.camera(cam);
                if (frames.size() == 0) {
                    continue;
                }
                CameraFrame f = frames.read(frames.nearestIndex(t));
                List<GroundTruth2d> boxes = r.annotations2d(cam).map(s -> boxesAt(s, f.timestampNs()))
                        .orElse(List.of());
                try (Mat img = ImageCodec.decode(f.data(), log + " camera " + cam)) {
                    drawBoxes2d(img, boxes);
                    written.add(writePng(img, outDir.resolve(cam + ".png")));
                }
            }
            for (String lidar : r.lidarIds()) {
                FrameStream<LidarSweep> sweeps = r.lidar(lidar);
                if (sweeps.size() == 0) {
                    continue;
                }
                LidarSweep sw = sweeps.read(sweeps.nearestIndex(t));
                Pose mount = r.calibration(lidar).map(SensorCalibration::sensorToEgo).orElse(Pose.IDENTITY);
                List<GroundTruth3d> boxes = r.annotations3d().map(s -> boxesAt(s, sw.timestampNs())).orElse(List.of());
                try (Mat bev = bev(sw, mount, boxes)) {
                    written.add(writePng(bev, outDir.resolve("bev.png")));
                }
                break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pictures into " + outDir + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static <T> List<T> boxesAt(FrameStream<AnnotationFrame<T>> s, long ts) {
        int i = s.nearestIndex(ts);
        if (i < 0 || s.timestampNs(i) != ts) {
            return List.of();
        }
        return s.read(i).boxes();
    }

    private static void drawBoxes2d(Mat img, List<GroundTruth2d> boxes) {
        for (GroundTruth2d b : boxes) {
            Scalar c = colour(b.category());
            opencv_imgproc.rectangle(img, new Point((int) Math.round(b.box().x1()), (int) Math.round(b.box().y1())),
                    new Point((int) Math.round(b.box().x2()) - 1, (int) Math.round(b.box().y2()) - 1), c, 2,
                            opencv_imgproc.LINE_8, 0);
            String label = b.category() + (b.occlusion() > 0 ? " o" + b.occlusion() : "");
            opencv_imgproc.putText(img, label, new Point((int) b.box().x1(), (int) Math.max(10, b.box().y1() - 3)),
                    opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.4, c, 1, opencv_imgproc.LINE_AA, false);
        }
    }

    private static Mat bev(LidarSweep sw, Pose mount, List<GroundTruth3d> boxes) {
        byte[] px = new byte[BEV_PX * BEV_PX * 3];
        java.util.Arrays.fill(px, (byte) 16);
        for (int i = 0; i < sw.size(); i++) {
            Vec3 p = mount.apply(new Vec3(sw.x()[i], sw.y()[i], sw.z()[i]));
            int u = (int) Math.floor(BEV_PX / 2.0 - p.y() / BEV_M_PER_PX);
            int v = (int) Math.floor(BEV_PX / 2.0 - p.x() / BEV_M_PER_PX);
            if (u < 0 || v < 0 || u >= BEV_PX || v >= BEV_PX) {
                continue;
            }
            double h = Math.max(0, Math.min(1, (p.z() + 0.3) / 3.0));
            int o = 3 * (v * BEV_PX + u);
            int g = (int) (70 + 185 * h);
            px[o] = (byte) Math.max(Byte.toUnsignedInt(px[o]), (int) (255 * (1 - h)));
            px[o + 1] = (byte) Math.max(Byte.toUnsignedInt(px[o + 1]), g);
            px[o + 2] = (byte) Math.max(Byte.toUnsignedInt(px[o + 2]), (int) (255 * h));
        }
        Mat img = new Mat(BEV_PX, BEV_PX, opencv_core.CV_8UC3);
        img.data().put(px, 0, px.length);
        for (int r = 10; r <= 50; r += 10) {
            opencv_imgproc.circle(img, new Point(BEV_PX / 2, BEV_PX / 2), (int) (r / BEV_M_PER_PX), new Scalar(60, 60, 60, 0));
        }
        for (GroundTruth3d a : boxes) {
            Vec3[] c = a.box().corners();
            Scalar col = a.numPoints() > 0 ? colour(a.category()) : new Scalar(110, 110, 110, 0);
            for (int k = 0; k < 4; k++) {
                opencv_imgproc.line(img, bevPoint(c[k]), bevPoint(c[(k + 1) % 4]), col, 1, opencv_imgproc.LINE_AA, 0);
            }
            Vec3 centre = a.box().centre();
            Vec3 front = new Vec3(centre.x() + Math.cos(a.box().yaw()) * a.box().length() / 2,
                    centre.y() + Math.sin(a.box().yaw()) * a.box().length() / 2, 0);
            opencv_imgproc.line(img, bevPoint(centre), bevPoint(front), col, 1, opencv_imgproc.LINE_AA, 0);
        }
        Vec3[] ego = {new Vec3(2.3, 0.95, 0), new Vec3(-2.3, 0.95, 0), new Vec3(-2.3, -0.95, 0), new Vec3(2.3, -0.95, 0)};
        for (int k = 0; k < 4; k++) {
            opencv_imgproc.line(img, bevPoint(ego[k]), bevPoint(ego[(k + 1) % 4]), new Scalar(255, 255, 255, 0));
        }
        return img;
    }

    /**
     * A bird's-eye view PNG of one sweep with its ground truth (category colours, grey when no lidar
     * point) and detections drawn over it in white, thicker; used for the worst frames of a report.
     *
     * @param detections ego-frame detection boxes
     * @return PNG bytes
     */
    public static byte[] bevPng(LidarSweep sweep, Pose sensorToEgo, List<GroundTruth3d> truth,
            List<io.avreplay.replay.object.Box3d> detections) {
        Mat img = bev(sweep, sensorToEgo, truth);
        for (io.avreplay.replay.object.Box3d b : detections) {
            Vec3[] c = b.corners();
            for (int k = 0; k < 4; k++) {
                opencv_imgproc.line(img, bevPoint(c[k]), bevPoint(c[(k + 1) % 4]), new Scalar(255, 255, 255, 0), 2,
                        opencv_imgproc.LINE_AA, 0);
            }
        }
        try (BytePointer buf = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".png", img, buf)) {
                throw new IllegalStateException("OpenCV could not encode a bird's-eye view");
            }
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return bytes;
        }
    }

    private static Point bevPoint(Vec3 p) {
        return new Point((int) Math.round(BEV_PX / 2.0 - p.y() / BEV_M_PER_PX),
                (int) Math.round(BEV_PX / 2.0 - p.x() / BEV_M_PER_PX));
    }

    /** BGR colour per category. */
    static Scalar colour(String category) {
        return switch (category) {
            case "car" -> new Scalar(255, 160, 0, 0);
            case "truck", "bus" -> new Scalar(255, 80, 200, 0);
            case "pedestrian" -> new Scalar(0, 0, 255, 0);
            case "bicycle", "motorcycle" -> new Scalar(0, 220, 255, 0);
            case "traffic_cone", "barrier" -> new Scalar(0, 140, 255, 0);
            case "pothole" -> new Scalar(255, 0, 255, 0);
            default -> new Scalar(200, 200, 200, 0);
        };
    }

    private static Path writePng(Mat img, Path file) throws IOException {
        byte[] bytes;
        try (BytePointer buf = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".png", img, buf)) {
                throw new IllegalStateException("OpenCV could not encode " + file);
            }
            bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

}
