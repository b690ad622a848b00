package io.avreplay.perception.train;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Provenance;
import io.avreplay.perception.lidar.BevFeaturizer;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.lidar.LidarTargets;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Lidar samples: every sweep of the first lidar of each log with a 3D annotation frame at the same time
 * (within 1 ms). Augmentation: rotation about ego z uniform in ±π/8 and a left-right mirror with p = 0.5.
 * Held-out metrics: the project's nuScenes evaluator ({@link NuScenesHeldOut}) over every held-out
 * sample, with the ground truth of the whole {@code detection_cvpr_2019} class ranges (not only the grid). Not thread-safe (one featurizer).
 */
final class LidarSamples implements SampleEncoder {
    private static final long MATCH_NS = 1_000_000L;
    private static final int EVAL_BATCH = 8;

    private final BevGrid grid;
    private final List<String> classes;
    private final int stride;
    private final BevFeaturizer featurizer;
    private final LidarTargets targets;

    LidarSamples(BevGrid grid, List<String> classes, int stride) {
        this.grid = grid;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.featurizer = new BevFeaturizer(grid);
        this.targets = new LidarTargets(grid, classes, stride);
    }

    @Override
    public List<Sample> samples(LogSet logs, int frameStride) {
        List<Sample> out = new ArrayList<>();
        for (int l = 0; l < logs.readers().size(); l++) {
            LogReader r = logs.readers().get(l);
            Optional<FrameStream<AnnotationFrame<GroundTruth3d>>> ann = r.annotations3d();
            if (r.lidarIds().isEmpty() || ann.isEmpty()) {
                continue;
            }
            String sensor = r.lidarIds().get(0);
            FrameStream<LidarSweep> sweeps = r.lidar(sensor);
            for (int i = 0; i < sweeps.size(); i += frameStride) {
                long t = sweeps.timestampNs(i);
                int a = ann.get().nearestIndex(t);
                if (a >= 0 && Math.abs(ann.get().timestampNs(a) - t) <= MATCH_NS) {
                    out.add(new Sample(l, sensor, i, a));
                }
            }
        }
        return out;
    }

    @Override
    public int[] inputShape() {
        return new int[] {BevGrid.CHANNELS, grid.rows(), grid.cols()};
    }

    @Override
    public int[] targetShape() {
        return new int[] {targets.channels(), grid.rows() / stride, grid.cols() / stride};
    }

    @Override
    public int regression() {
        return LidarTargets.REGRESSION;
    }

    @Override
    public void encode(LogSet logs, Sample s, Random rng, boolean augment, float[] in, int inOffset, float[] target,
            int targetOffset) {
        LogReader r = logs.readers().get(s.log());
        LidarSweep sweep = r.lidar(s.sensorId()).read(s.frame());
        SensorCalibration cal = r.calibration(s.sensorId()).orElseThrow();
        double yaw = augment ? (rng.nextDouble() * 2 - 1) * Math.PI / 8 : 0;
        boolean mirror = augment && rng.nextBoolean();
        featurizer.featurize(sweep.x(), sweep.y(), sweep.z(), sweep.intensity(), cal.sensorToEgo(), yaw, mirror, in,
                inOffset);
        List<GroundTruth3d> boxes = r.annotations3d().orElseThrow().read(s.annotation()).boxes();
        targets.encode(boxes, yaw, mirror, target, targetOffset);
    }

    @Override
    public ModelCard card(TrainConfig config, long flops) {
        return new ModelCard(config.name(), ModelTask.LIDAR_3D, "BEV CenterNet " + config.backbone()
                + " + 1x1 head, BN+ReLU", grid, classes, stride, 0.05, 0.5, 200, flops,
                Provenance.untrained(config.seed()));
    }

    @Override
    public Detector detector(ModelCard card, MultiLayerNetwork net) {
        return new LidarDetector(card, net);
    }

    @Override
    public Map<String, Double> evaluate(Detector detector, LogSet logs, List<Sample> samples) {
        NuScenesHeldOut scorer = new NuScenesHeldOut();
        for (int l = 0; l < logs.readers().size(); l++) {
            LogReader r = logs.readers().get(l);
            List<FrameSet> frames = new ArrayList<>();
            List<Long> gtTimes = new ArrayList<>();
            for (Sample s : samples) {
                if (s.log() == l) {
                    // key by the annotation's time: it names the ground-truth sample token
                    gtTimes.add(r.annotations3d().orElseThrow().timestampNs(s.annotation()));
                    frames.add(FrameSet.of(r.lidar(s.sensorId()).read(s.frame()),
                            r.calibration(s.sensorId()).orElseThrow()));
                }
            }
            Map<Long, List<Detection3d>> found = new HashMap<>();
            for (int i = 0; i < frames.size(); i += EVAL_BATCH) {
                List<Detections> ds = detector.detectAll(frames.subList(i, Math.min(frames.size(), i + EVAL_BATCH)));
                for (int j = 0; j < ds.size(); j++) {
                    found.put(gtTimes.get(i + j), ds.get(j).objects3d());
                }
            }
            if (!found.isEmpty()) {
                scorer.add(r, found);
            }
        }
        Map<String, Double> out = new TreeMap<>(NuScenesHeldOut.flatten(scorer.result()));
        out.put("frames", (double) samples.size());
        return out;
    }
}
