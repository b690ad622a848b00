package io.avreplay.perception.train;

import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ImageInput;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Provenance;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.camera.CameraTargets;
import io.avreplay.perception.camera.ImagePreprocessor;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Camera samples: every frame of every camera with a 2D annotation frame at the same time (within 1 ms).
 * Augmentation: left-right mirror with p = 0.5 and a brightness gain of 1 ± 0.3. Held-out metrics: the project's COCO evaluator
 * ({@link CocoHeldOut}), once over every ground-truth box of a model class however small ({@code coco.*}) and
 * once under KITTI Moderate's rules ({@code coco_moderate.*}). Thread-safe apart from the detector passed in.
 */
final class CameraSamples implements SampleEncoder {
    private static final long MATCH_NS = 1_000_000L;
    /** Augmentation: pixel values scaled by a gain drawn uniformly from 1 ± this (night and day scenes). */
    private static final double BRIGHTNESS_JITTER = 0.3;

    private final ImageInput input;
    private final List<String> classes;
    private final int stride;
    private final ImagePreprocessor preprocessor;
    private final CameraTargets targets;

    CameraSamples(ImageInput input, List<String> classes, int stride) {
        this.input = input;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.preprocessor = new ImagePreprocessor(input);
        this.targets = new CameraTargets(input, classes, stride, REGRESSION_MIN_HEAT);
    }

    /**
     * Dense regression: boxes are regressed at every cell of their Gaussian above this value (the centre
     * and, for boxes of two cells or more, its neighbours), so a heatmap peak one cell off still decodes
     * the right box. 0.1 keeps the 4-neighbours of a box with a one-cell Gaussian radius and the 3 × 3
     * block of larger ones.
     */
    static final double REGRESSION_MIN_HEAT = 0.1;

    @Override
    public double regressionMinHeat() {
        return REGRESSION_MIN_HEAT;
    }

    @Override
    public List<Sample> samples(LogSet logs, int frameStride) {
        List<Sample> out = new ArrayList<>();
        for (int l = 0; l < logs.readers().size(); l++) {
            LogReader r = logs.readers().get(l);
            for (String cam : r.cameraIds()) {
                Optional<FrameStream<AnnotationFrame<GroundTruth2d>>> ann = r.annotations2d(cam);
                if (ann.isEmpty()) {
                    continue;
                }
                FrameStream<CameraFrame> frames = r.camera(cam);
                for (int i = 0; i < frames.size(); i += frameStride) {
                    long t = frames.timestampNs(i);
                    int a = ann.get().nearestIndex(t);
                    if (a >= 0 && Math.abs(ann.get().timestampNs(a) - t) <= MATCH_NS) {
                        out.add(new Sample(l, cam, i, a));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public int[] inputShape() {
        return new int[] {input.channels(), input.rows(), input.cols()};
    }

    @Override
    public int[] targetShape() {
        return new int[] {classes.size() + CameraTargets.REGRESSION, input.height() / stride, input.width() / stride};
    }

    @Override
    public int regression() {
        return CameraTargets.REGRESSION;
    }

    @Override
    public void encode(LogSet logs, Sample s, Random rng, boolean augment, float[] in, int inOffset, float[] target,
            int targetOffset) {
        LogReader r = logs.readers().get(s.log());
        CameraFrame frame = r.camera(s.sensorId()).read(s.frame());
        boolean mirror = augment && rng.nextBoolean();
        int[] size = preprocessor.preprocess(frame, mirror, in, inOffset);
        if (augment) {
            float gain = (float) (1 + BRIGHTNESS_JITTER * (2 * rng.nextDouble() - 1));
            for (int i = inOffset, end = inOffset + preprocessor.size(); i < end; i++) {
                in[i] = Math.min(1f, in[i] * gain);
            }
        }
        List<GroundTruth2d> boxes = r.annotations2d(s.sensorId()).orElseThrow().read(s.annotation()).boxes();
        targets.encode(boxes, size[0], size[1], mirror, target, targetOffset);
    }

    @Override
    public ModelCard card(TrainConfig config, long flops) {
        return new ModelCard(config.name(), ModelTask.CAMERA_2D, "image CenterNet, " + input.block() + "x" + input.block()
                + " space-to-depth input, " + config.backbone() + " + 1x1 head, BN+ReLU", input, classes, stride, 0.05, 0.5, 100, flops,
                Provenance.untrained(config.seed()));
    }

    @Override
    public Detector detector(ModelCard card, MultiLayerNetwork net) {
        return new CameraDetector(card, net);
    }

    @Override
    public Map<String, Double> evaluate(Detector detector, LogSet logs, List<Sample> samples) {
        CocoHeldOut scorer = new CocoHeldOut(classes, CocoHeldOut.Protocol.ALL);
        CocoHeldOut moderate = new CocoHeldOut(classes, CocoHeldOut.Protocol.KITTI_MODERATE);
        for (Sample s : samples) {
            LogReader r = logs.readers().get(s.log());
            CameraFrame frame = r.camera(s.sensorId()).read(s.frame());
            List<Detection2d> found = detector.detect(FrameSet.of(frame, r.calibration(s.sensorId()).orElseThrow()))
                    .objects2d();
            List<GroundTruth2d> truth = r.annotations2d(s.sensorId()).orElseThrow().read(s.annotation()).boxes();
            scorer.add(truth, found);
            moderate.add(truth, found);
        }
        Map<String, Double> out = new TreeMap<>(CocoHeldOut.flatten(scorer.result(), "coco"));
        out.putAll(CocoHeldOut.flatten(moderate.result(), "coco_moderate"));
        out.put("frames", (double) samples.size());
        return out;
    }
}
