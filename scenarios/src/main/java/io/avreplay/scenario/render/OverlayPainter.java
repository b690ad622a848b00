package io.avreplay.scenario.render;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.scenario.overlay.Mark2d;
import io.avreplay.scenario.overlay.Mark3d;
import io.avreplay.scenario.overlay.MatchStatus;
import io.avreplay.scenario.overlay.Overlays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws marks coloured by match status on camera images and bird's-eye views (OpenCV, BGR): boxes with
 * their labels (class, score, track id), a legend with the count of each status, and on the bird's-eye
 * view distance rings every 10 m labelled in metres. The bird's-eye view is the ego frame from above,
 * x up, 0.1 m per pixel, ±50 m. Stateless and thread-safe.
 */
final class OverlayPainter {
    static final int BEV_PX = 1000;
    static final double BEV_M_PER_PX = 0.1;
    /** Camera boxes shorter than this, pixels, are drawn without a label. */
    static final int MIN_LABELLED_PX = 24;
    private static final Scalar RING = new Scalar(90, 90, 90, 0);

    private OverlayPainter() {
    }

    /** @return a new BEV image of the sweep with the marks; the caller closes it */
    static Mat bev(LidarSweep sw, Pose mount, List<Mark3d> marks, String title) {
        byte[] px = new byte[BEV_PX * BEV_PX * 3];
        Arrays.fill(px, (byte) 16);
        for (int i = 0; i < sw.size(); i++) {
            Vec3 p = mount.apply(new Vec3(sw.x()[i], sw.y()[i], sw.z()[i]));
            int u = (int) Math.floor(BEV_PX / 2.0 - p.y() / BEV_M_PER_PX);
            int v = (int) Math.floor(BEV_PX / 2.0 - p.x() / BEV_M_PER_PX);
            if (u < 0 || v < 0 || u >= BEV_PX || v >= BEV_PX) {
                continue;
            }
            // height from blue (ground) to light green-white (3 m and above)
            double h = Math.max(0, Math.min(1, (p.z() + 0.3) / 3.0));
            int o = 3 * (v * BEV_PX + u);
            px[o] = (byte) Math.max(Byte.toUnsignedInt(px[o]), (int) (120 + 100 * h));
            px[o + 1] = (byte) Math.max(Byte.toUnsignedInt(px[o + 1]), (int) (90 + 150 * h));
            px[o + 2] = (byte) Math.max(Byte.toUnsignedInt(px[o + 2]), (int) (60 + 160 * h));
        }
        Mat img = new Mat(BEV_PX, BEV_PX, opencv_core.CV_8UC3);
        img.data().put(px, 0, px.length);
        Point c = new Point(BEV_PX / 2, BEV_PX / 2);
        for (int r = 10; r <= 50; r += 10) {
            int rp = (int) (r / BEV_M_PER_PX);
            opencv_imgproc.circle(img, c, rp, RING, 1, opencv_imgproc.LINE_AA, 0);
            // labels on the diagonal toward the lower right, away from the road ahead
            int d = (int) Math.round(rp / Math.sqrt(2));
            text(img, r + " m", BEV_PX / 2 + d + 3, BEV_PX / 2 + d - 3, new Scalar(150, 150, 150, 0), 0.5);
        }
        List<Mark3d> ordered = new ArrayList<>(marks);
        ordered.sort((a, b) -> Integer.compare(layer(a.status()), layer(b.status())));
        for (Mark3d m : ordered) {
            Scalar col = bgr(m.status());
            int thick = m.status() == MatchStatus.MATCHED_TRUTH || m.status() == MatchStatus.NOT_SCORED ? 1 : 2;
            Vec3[] k = m.box().corners();
            for (int e = 0; e < 4; e++) {
                opencv_imgproc.line(img, bevPoint(k[e]), bevPoint(k[(e + 1) % 4]), col, thick, opencv_imgproc.LINE_AA, 0);
            }
            Vec3 ctr = m.box().centre();
            Vec3 front = new Vec3(ctr.x() + Math.cos(m.box().yaw()) * m.box().length() / 2,
                    ctr.y() + Math.sin(m.box().yaw()) * m.box().length() / 2, 0);
            opencv_imgproc.line(img, bevPoint(ctr), bevPoint(front), col, thick, opencv_imgproc.LINE_AA, 0);
            if (m.status() != MatchStatus.MATCHED_TRUTH && m.status() != MatchStatus.NOT_SCORED) {
                Point p = bevPoint(k[0]);
                text(img, m.label(), p.x() + 4, p.y() - 4, col, 0.4);
            }
        }
        Vec3[] ego = {new Vec3(2.3, 0.95, 0), new Vec3(-2.3, 0.95, 0), new Vec3(-2.3, -0.95, 0), new Vec3(2.3, -0.95, 0)};
        for (int e = 0; e < 4; e++) {
            opencv_imgproc.line(img, bevPoint(ego[e]), bevPoint(ego[(e + 1) % 4]), new Scalar(255, 255, 255, 0));
        }
        legend(img, Overlays.counts(marks.stream().map(Mark3d::status).toList()), title);
        return img;
    }

    /** Draws the marks and a legend on a camera image in place. */
    static void camera(Mat img, List<Mark2d> marks, String title) {
        List<Mark2d> ordered = new ArrayList<>(marks);
        ordered.sort((a, b) -> Integer.compare(layer(a.status()), layer(b.status())));
        for (Mark2d m : ordered) {
            Scalar col = bgr(m.status());
            int thick = m.status() == MatchStatus.MATCHED_TRUTH || m.status() == MatchStatus.NOT_SCORED ? 1 : 2;
            opencv_imgproc.rectangle(img, new Point((int) Math.round(m.x1()), (int) Math.round(m.y1())),
                    new Point((int) Math.round(m.x2()) - 1, (int) Math.round(m.y2()) - 1), col, thick,
                    opencv_imgproc.LINE_8, 0);
            // far objects a few pixels tall crowd the horizon with unreadable labels: their colour says enough
            if (m.status() != MatchStatus.MATCHED_TRUTH && m.status() != MatchStatus.NOT_SCORED
                    && m.y2() - m.y1() >= MIN_LABELLED_PX) {
                text(img, m.label(), (int) m.x1(), (int) Math.max(12, m.y1() - 4), col, 0.4);
            }
        }
        legend(img, Overlays.counts(marks.stream().map(Mark2d::status).toList()), title);
    }

    /** Ground truth under detections, so a true positive's own box stays visible. */
    private static int layer(MatchStatus s) {
        return switch (s) {
            case NOT_SCORED -> 0;
            case MATCHED_TRUTH, TRUTH, MISSED -> 1;
            case FALSE_POSITIVE, TRUE_POSITIVE -> 2;
        };
    }

    private static void legend(Mat img, Map<MatchStatus, Integer> counts, String title) {
        List<MatchStatus> shown = Arrays.stream(MatchStatus.values()).filter(s -> counts.get(s) > 0
                || s == MatchStatus.TRUE_POSITIVE || s == MatchStatus.FALSE_POSITIVE || s == MatchStatus.MISSED).toList();
        if (counts.get(MatchStatus.TRUTH) > 0) {
            shown = shown.stream().filter(s -> s != MatchStatus.TRUE_POSITIVE && s != MatchStatus.FALSE_POSITIVE
                    && s != MatchStatus.MISSED).toList();
        }
        int h = 24 + 18 * shown.size();
        try (Mat roi = new Mat(img, new Rect(6, 6, Math.min(250, img.cols() - 12), Math.min(h, img.rows() - 12)))) {
            try (Mat dark = new Mat(roi.size(), roi.type(), new Scalar(0, 0, 0, 0))) {
                opencv_core.addWeighted(roi, 0.35, dark, 0.65, 0, roi);
            }
        }
        text(img, title, 12, 22, new Scalar(230, 230, 230, 0), 0.45);
        int y = 40;
        for (MatchStatus s : shown) {
            opencv_imgproc.rectangle(img, new Point(12, y - 10), new Point(24, y), bgr(s), opencv_imgproc.FILLED,
                    opencv_imgproc.LINE_8, 0);
            text(img, s.label() + ": " + counts.get(s), 32, y, new Scalar(230, 230, 230, 0), 0.45);
            y += 18;
        }
    }

    private static void text(Mat img, String s, int x, int y, Scalar colour, double scale) {
        opencv_imgproc.putText(img, s, new Point(x + 1, y + 1), opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale,
                new Scalar(0, 0, 0, 0), 2, opencv_imgproc.LINE_AA, false);
        opencv_imgproc.putText(img, s, new Point(x, y), opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale, colour, 1,
                opencv_imgproc.LINE_AA, false);
    }

    static Scalar bgr(MatchStatus s) {
        int rgb = s.rgb();
        return new Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff, 0);
    }

    static Point bevPoint(Vec3 p) {
        return new Point((int) Math.round(BEV_PX / 2.0 - p.y() / BEV_M_PER_PX),
                (int) Math.round(BEV_PX / 2.0 - p.x() / BEV_M_PER_PX));
    }
}
