package io.avreplay.perception.train;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.perception.api.Detection3d;
import io.avreplay.perception.api.DetectionClasses;
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
import io.avreplay.replay.log.Annotation3d;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
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
 * Held-out metric: {@link SimpleAp#centreDistance} at 2 m per class ({@code ap_2m.<class>}) over ground
 * truth with lidar points inside the grid. Not thread-safe (one featurizer).
 */
final class LidarSamples implements SampleEncoder {
    private static final long MATCH_NS = 1_000_000L;

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
            Optional<FrameStream<AnnotationFrame<Annotation3d>>> ann = r.annotations3d();
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
        List<Annotation3d> boxes = r.annotations3d().orElseThrow().read(s.annotation()).boxes();
        targets.encode(boxes, yaw, mirror, target, targetOffset);
    }

    @Override
    public ModelCard card(TrainConfig config, long flops) {
        return new ModelCard(config.name(), ModelTask.LIDAR_3D, "BEV CenterNet " + config.backbone()
                + " + 1x1 head, BN+ReLU", grid, classes, stride, 0.1, 0.5, 200, flops,
                Provenance.untrained(config.seed()));
    }

    @Override
    public Detector detector(ModelCard card, MultiLayerNetwork net) {
        return new LidarDetector(card, net);
    }

    @Override
    public Map<String, Double> evaluate(Detector detector, LogSet logs, List<Sample> samples) {
        Map<String, List<SimpleAp.Item>> dets = new HashMap<>();
        Map<String, Map<Integer, List<SimpleAp.Item>>> gt = new HashMap<>();
        for (int f = 0; f < samples.size(); f++) {
            Sample s = samples.get(f);
            LogReader r = logs.readers().get(s.log());
            LidarSweep sweep = r.lidar(s.sensorId()).read(s.frame());
            for (Detection3d d : detector.detect(FrameSet.of(sweep, r.calibration(s.sensorId()).orElseThrow()))
                    .objects3d()) {
                dets.computeIfAbsent(d.category(), k -> new ArrayList<>()).add(new SimpleAp.Item(f, d.score(),
                        new double[] {d.box().centre().x(), d.box().centre().y()}));
            }
            for (Annotation3d a : r.annotations3d().orElseThrow().read(s.annotation()).boxes()) {
                String cls = DetectionClasses.of(a.category()).orElse("");
                double x = a.box().centre().x();
                double y = a.box().centre().y();
                if (classes.contains(cls) && a.numLidarPoints() > 0 && x >= grid.xMinM() && x < grid.xMaxM()
                        && y >= grid.yMinM() && y < grid.yMaxM()) {
                    gt.computeIfAbsent(cls, k -> new HashMap<>()).computeIfAbsent(f, k -> new ArrayList<>())
                            .add(new SimpleAp.Item(f, 1, new double[] {x, y}));
                }
            }
        }
        Map<String, Double> out = new TreeMap<>();
        double sum = 0;
        int n = 0;
        for (String c : classes) {
            double ap = SimpleAp.centreDistance(dets.getOrDefault(c, List.of()), gt.getOrDefault(c, Map.of()), 2.0);
            if (!Double.isNaN(ap)) {
                out.put("ap_2m." + c, ap);
                sum += ap;
                n++;
            }
        }
        out.put("mean_ap_2m", n == 0 ? Double.NaN : sum / n);
        out.put("frames", (double) samples.size());
        return out;
    }
}
