package io.avreplay.perception.camera;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ImageInput;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Provenance;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * Baseline: OpenCV's pretrained HOG + linear SVM people detector (Dalal–Triggs, 64×128 window) on every
 * camera frame, images downscaled to at most {@link #MAX_WIDTH_PX} wide (a person must stay ≥ 128 px tall to be found). The SVM margin {@code m} becomes
 * the score {@code 1 / (1 + e^(-m))}; overlapping windows are merged by IoU NMS at the card's threshold. Works offline on real images; needs no training. Not thread-safe.
 */
public final class HogPedestrianDetector implements Detector {
    /** Images wider than this are downscaled first, px. */
    public static final int MAX_WIDTH_PX = 1280;

    private final HOGDescriptor hog;
    private final ModelCard card;

    /** Creates the detector with OpenCV's default people SVM. */
    public HogPedestrianDetector() {
        this.hog = new HOGDescriptor();
        try (FloatPointer coeffs = HOGDescriptor.getDefaultPeopleDetector();
                Mat svm = new Mat(coeffs)) {
            hog.setSVMDetector(svm);
        }
        this.card = new ModelCard("opencv-hog-people", ModelTask.CAMERA_2D,
                "OpenCV HOGDescriptor default people detector, 64x128 window, 8 px stride, multi-scale 1.05, IoU NMS 0.5",
                new ImageInput(64, 128), List.of("pedestrian"), 8, 0.5, 0.5, 50, 0, Provenance.untrained(0));
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Detections detect(FrameSet frames) {
        List<Detection2d> out = new ArrayList<>();
        for (CameraFrame f : frames.cameras()) {
            out.addAll(detect(f));
        }
        out.sort(Comparator.comparingDouble(Detection2d::score).reversed());
        return new Detections(frames.timestampNs(), List.of(), out);
    }

    private List<Detection2d> detect(CameraFrame f) {
        try (Mat raw = new Mat(f.data());
                Mat grey = opencv_imgcodecs.imdecode(raw, opencv_imgcodecs.IMREAD_GRAYSCALE)) {
            if (grey == null || grey.empty()) {
                throw new BadInputException("camera " + f.sensorId() + " frame at " + f.timestampNs()
                        + " ns: cannot decode " + f.encoding().id() + " image (" + f.data().length + " bytes)");
            }
            double scale = Math.min(1.0, (double) MAX_WIDTH_PX / grey.cols());
            try (Mat img = new Mat(); RectVector found = new RectVector(); DoublePointer weights = new DoublePointer();
                    Size stride = new Size(8, 8); Size pad = new Size(16, 16)) {
                opencv_imgproc.resize(grey, img, new Size((int) Math.round(grey.cols() * scale),
                        (int) Math.round(grey.rows() * scale)), 0, 0, opencv_imgproc.INTER_AREA);
                // no OpenCV grouping (it drops lone true positives, e.g. KITTI 000000's pedestrian); NMS below instead
                hog.detectMultiScale(img, found, weights, 0, stride, pad, 1.05, 0, false);
                List<Detection2d> out = new ArrayList<>();
                for (int i = 0; i < found.size(); i++) {
                    Rect r = found.get(i);
                    double score = 1 / (1 + Math.exp(-weights.get(i)));
                    if (score >= card.scoreThreshold()) {
                        out.add(Detection2d.of(f.sensorId(), new Box2d(Math.max(0, r.x() / scale), Math.max(0,
                                r.y() / scale), Math.min(grey.cols(), (r.x() + r.width()) / scale),
                                Math.min(grey.rows(), (r.y() + r.height()) / scale)), "pedestrian", score));
                    }
                }
                return nms(out);
            }
        }
    }

    private List<Detection2d> nms(List<Detection2d> boxes) {
        List<Detection2d> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Detection2d::score).reversed());
        List<Detection2d> kept = new ArrayList<>();
        for (Detection2d d : sorted) {
            if (kept.size() < card.maxDetections()
                    && kept.stream().noneMatch(k -> CameraDecoder.iou(k, d) > card.nmsThreshold())) {
                kept.add(d);
            }
        }
        return kept;
    }

    @Override
    public void close() {
        hog.close();
    }
}
