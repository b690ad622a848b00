package io.avreplay.perception.camera;

import io.avreplay.perception.api.ImageInput;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the camera network's output (heatmap logits then {@link CameraTargets#REGRESSION} channels)
 * into boxes in the original image's pixels: 3×3 peaks above the score threshold, sorted by score, then
 * class-wise NMS dropping a box whose IoU with a kept one exceeds the threshold. Thread-safe.
 */
public final class CameraDecoder {
    private final ImageInput input;
    private final List<String> classes;
    private final int stride;
    private final double scoreThreshold;
    private final double nmsIou;
    private final int maxDetections;

    /** See {@link io.avreplay.perception.api.ModelCard} for the parameters. */
    public CameraDecoder(ImageInput input, List<String> classes, int stride, double scoreThreshold, double nmsIou,
            int maxDetections) {
        this.input = input;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.scoreThreshold = scoreThreshold;
        this.nmsIou = nmsIou;
        this.maxDetections = maxDetections;
    }

    /**
     * @param imageWidth  original image width, px
     * @param imageHeight original image height, px
     * @return detections, best score first
     */
    public List<Detection2d> decode(float[] out, int offset, String cameraId, int imageWidth, int imageHeight) {
        int rows = input.height() / stride;
        int cols = input.width() / stride;
        int plane = rows * cols;
        float logit = (float) Math.log(scoreThreshold / (1 - scoreThreshold));
        List<float[]> peaks = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            int base = offset + k * plane;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = out[base + r * cols + c];
                    if (v >= logit && isPeak(out, base, rows, cols, r, c, v)) {
                        peaks.add(new float[] {(float) (1 / (1 + Math.exp(-v))), k, r, c});
                    }
                }
            }
        }
        peaks.sort((a, b) -> Float.compare(b[0], a[0]));
        double sx = (double) imageWidth / input.width() * stride;
        double sy = (double) imageHeight / input.height() * stride;
        int reg = offset + classes.size() * plane;
        List<Detection2d> kept = new ArrayList<>();
        for (float[] p : peaks) {
            if (kept.size() >= maxDetections) {
                break;
            }
            int idx = (int) p[2] * cols + (int) p[3];
            double cx = (p[3] + out[reg + idx]) * sx;
            double cy = (p[2] + out[reg + plane + idx]) * sy;
            double w = Math.exp(Math.min(6, out[reg + 2 * plane + idx])) * sx;
            double h = Math.exp(Math.min(6, out[reg + 3 * plane + idx])) * sy;
            Detection2d d = Detection2d.of(cameraId, new Box2d(clamp(cx - w / 2, imageWidth), clamp(cy - h / 2,
                    imageHeight), clamp(cx + w / 2, imageWidth), clamp(cy + h / 2, imageHeight)),
                    classes.get((int) p[1]), p[0]);
            if (kept.stream().noneMatch(o -> o.category().equals(d.category()) && iou(o, d) > nmsIou)) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** @return intersection over union of two boxes, 0 when both are empty */
    static double iou(Detection2d a, Detection2d b) {
        double iw = Math.max(0, Math.min(a.box().x2(), b.box().x2()) - Math.max(a.box().x1(), b.box().x1()));
        double ih = Math.max(0, Math.min(a.box().y2(), b.box().y2()) - Math.max(a.box().y1(), b.box().y1()));
        double inter = iw * ih;
        double union = a.box().width() * a.box().height() + b.box().width() * b.box().height() - inter;
        return union > 0 ? inter / union : 0;
    }

    private static boolean isPeak(float[] a, int base, int rows, int cols, int r, int c, float v) {
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int rr = r + dr;
                int cc = c + dc;
                if ((dr == 0 && dc == 0) || rr < 0 || rr >= rows || cc < 0 || cc >= cols) {
                    continue;
                }
                float n = a[base + rr * cols + cc];
                // ties go to the first cell in scan order so a plateau yields one peak
                if (n > v || (n == v && (dr < 0 || (dr == 0 && dc < 0)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
