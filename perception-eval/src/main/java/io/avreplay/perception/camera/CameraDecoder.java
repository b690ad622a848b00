package io.avreplay.perception.camera;

import io.avreplay.perception.api.ImageInput;
import io.avreplay.perception.model.HeatmapPeaks;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the camera network's output (heatmap logits then {@link CameraTargets#REGRESSION} channels)
 * into boxes in the original image's pixels: 3×3 peaks above the score threshold ({@link HeatmapPeaks}),
 * sorted by score, then class-wise NMS dropping a box whose IoU with a kept one exceeds the threshold. Thread-safe.
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
        List<HeatmapPeaks.Peak> peaks = HeatmapPeaks.find(out, offset, classes.size(), rows, cols, scoreThreshold);
        double sx = (double) imageWidth / input.width() * stride;
        double sy = (double) imageHeight / input.height() * stride;
        int reg = offset + classes.size() * plane;
        List<Detection2d> kept = new ArrayList<>();
        for (HeatmapPeaks.Peak p : peaks) {
            if (kept.size() >= maxDetections) {
                break;
            }
            int idx = p.row() * cols + p.col();
            double cx = (p.col() + out[reg + idx]) * sx;
            double cy = (p.row() + out[reg + plane + idx]) * sy;
            double w = Math.exp(Math.min(6, out[reg + 2 * plane + idx])) * sx;
            double h = Math.exp(Math.min(6, out[reg + 3 * plane + idx])) * sy;
            Detection2d d = Detection2d.of(cameraId, new Box2d(clamp(cx - w / 2, imageWidth), clamp(cy - h / 2,
                    imageHeight), clamp(cx + w / 2, imageWidth), clamp(cy + h / 2, imageHeight)),
                    classes.get(p.classIndex()), p.score());
            if (kept.stream().noneMatch(o -> o.category().equals(d.category()) && iou(o, d) > nmsIou)) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** @return intersection over union of two detections' boxes, 0 when both are empty */
    static double iou(Detection2d a, Detection2d b) {
        return a.box().iou(b.box());
    }
}
