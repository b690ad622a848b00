package io.avreplay.scenario.gate;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.nuscenes.DetectionCurve;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth;
import io.avreplay.eval.nuscenes.NuScenesMetricData;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gates scored with the project's nuScenes evaluator (nuscenes-devkit 1.2.0 parity): each frame is
 * matched once into its own {@link NuScenesMetricData}; a (resampled) multiset of frames is scored by
 * concatenating those parts and running the devkit's AP/TP-error/NDS computation. Metrics are restricted
 * to the scenario's classes that have ground truth in the window, so absent classes do not drag the
 * mean down; an AP gate on an absent class is NaN. Boxes stay in the ego frame, so class ranges are
 * measured from the ego as the devkit does. Stateless and thread-safe.
 */
public final class NuScenesScenarioScorer implements ScenarioScorer<NuScenesScenarioScorer.Units> {
    private final NuScenesConfig base;

    /** A scorer with the {@code detection_cvpr_2019} configuration. */
    public NuScenesScenarioScorer() {
        this(NuScenesConfig.cvpr2019());
    }

    /** @param base configuration whose ranges and thresholds apply; its classes are narrowed per scenario */
    public NuScenesScenarioScorer(NuScenesConfig base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "nuscenes-devkit-1.2.0/" + base.name();
    }

    @Override
    public Set<String> knownClasses() {
        return NuScenesConfig.DETECTION_NAMES;
    }

    /** Per-frame match data under the scenario's configuration (empty config: no class present). */
    public static final class Units implements FrameUnits {
        private final List<NuScenesMetricData> frames;
        private final Optional<NuScenesEvaluator> evaluator;
        private final int count;
        /**
         * The scalar metrics of each weighting already scored, keyed by the weights array's identity: the
         * gate evaluator asks every gate about the same resamples, and one nuScenes scoring answers them
         * all. Holds a few dozen numbers per resample (not the curves).
         */
        private final Map<WeightsKey, Scores> scored = new java.util.concurrent.ConcurrentHashMap<>();

        Units(List<NuScenesMetricData> frames, Optional<NuScenesEvaluator> evaluator, int count) {
            this.frames = List.copyOf(frames);
            this.evaluator = evaluator;
            this.count = count;
        }

        @Override
        public int frameCount() {
            return count;
        }
    }

    @Override
    public Units accumulate(List<EvalFrame> frames, List<String> classes) {
        Set<String> present = new LinkedHashSet<>();
        for (EvalFrame f : frames) {
            for (GroundTruth3d a : f.truth()) {
                CategoryTable.standard().nuScenesClass(a.category()).filter(classes::contains)
                        .filter(c -> a.numPoints() > 0).ifPresent(present::add);
            }
        }
        Map<String, Double> ranges = new LinkedHashMap<>();
        for (String c : base.classRange().keySet()) {
            if (present.contains(c)) {
                ranges.put(c, base.classRange().get(c));
            }
        }
        if (ranges.isEmpty()) {
            return new Units(List.of(), Optional.empty(), frames.size());
        }
        NuScenesConfig cfg = new NuScenesConfig(base.name() + "+scenario", ranges, base.distThs(), base.distThTp(),
                base.minRecall(), base.minPrecision(), base.maxBoxesPerSample(), base.meanApWeight());
        NuScenesEvaluator ev = new NuScenesEvaluator(cfg);
        List<NuScenesMetricData> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            out.add(accumulateFrame(ev, cfg, "frame-" + i, frames.get(i)));
        }
        return new Units(out, Optional.of(ev), frames.size());
    }

    private static NuScenesMetricData accumulateFrame(NuScenesEvaluator ev, NuScenesConfig cfg, String token,
            EvalFrame frame) {
        List<InSample<GroundTruth3d>> gt = new ArrayList<>();
        for (GroundTruth3d a : frame.truth()) {
            Optional<String> cls = CategoryTable.standard().nuScenesClass(a.category());
            if (cls.isEmpty() || !cfg.classRange().containsKey(cls.get())) {
                continue;
            }
            boolean known = Double.isFinite(a.vx()) && Double.isFinite(a.vy());
            gt.add(new InSample<>(token, new GroundTruth3d(a.box(), cls.get(), a.trackId(), a.numPoints(),
                    known ? a.vx() : Double.NaN, known ? a.vy() : Double.NaN, nuScenesAttribute(a.attribute()),
                    a.visibility())));
        }
        List<InSample<Detection3d>> preds = new ArrayList<>();
        for (Detection3d d : frame.detections()) {
            Optional<String> cls = CategoryTable.standard().nuScenesClass(d.category());
            if (cls.isEmpty() || !cfg.classRange().containsKey(cls.get())) {
                continue;
            }
            boolean known = Double.isFinite(d.vx()) && Double.isFinite(d.vy());
            preds.add(new InSample<>(token, new Detection3d(d.box(), cls.get(), d.score(), known ? d.vx() : Double.NaN,
                    known ? d.vy() : Double.NaN, nuScenesAttribute(d.attribute()), d.trackId(), d.trackScore(),
                    d.modelId())));
        }
        NuScenesGroundTruth truth = new NuScenesGroundTruth(gt, List.of(token),
                Map.of(token, new NuScenesGroundTruth.EgoPosition(0, 0, 0)), Map.of());
        return ev.accumulate(truth, preds);
    }

    /** @return the attribute as a list when nuScenes knows it, else none */
    private static List<String> nuScenesAttribute(String attribute) {
        return NuScenesConfig.ATTRIBUTE_NAMES.contains(attribute) ? Detection3d.attributeList(attribute) : List.of();
    }

    /** A weights array compared by identity (the evaluator reuses each resample's array for every gate). */
    private record WeightsKey(int[] weights) {
        @Override
        public boolean equals(Object o) {
            return o instanceof WeightsKey k && k.weights == weights;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(weights);
        }
    }

    /** The scalar metrics of one scoring: AP per class and threshold, mAP and NDS. */
    private record Scores(Map<String, Map<Double, Double>> labelAps, double meanAp, double ndScore) {
        static final Scores UNDEFINED = new Scores(Map.of(), Double.NaN, Double.NaN);
    }

    @Override
    public double compute(MetricId metric, Units units, int[] weights) {
        if (!metric.usesNuScenes()) {
            throw new IllegalArgumentException(metric + " is not a plain nuScenes metric: score it with SafetyScorer");
        }
        Scores res = units.scored.computeIfAbsent(new WeightsKey(weights), k -> score(units, k.weights())
                .map(r -> new Scores(r.labelAps(), r.meanAp(), r.ndScore())).orElse(Scores.UNDEFINED));
        if (res == Scores.UNDEFINED) {
            return Double.NaN;
        }
        return switch (metric.kind()) {
            case NDS -> res.ndScore();
            case AP -> {
                Map<Double, Double> aps = res.labelAps().get(metric.className());
                if (aps == null) {
                    yield Double.NaN;
                }
                yield Double.isNaN(metric.distanceM()) ? aps.values().stream().mapToDouble(d -> d).average().orElse(Double.NaN)
                        : aps.getOrDefault(metric.distanceM(), Double.NaN);
            }
            case MAP -> Double.isNaN(metric.distanceM()) ? res.meanAp()
                    : res.labelAps().values().stream().mapToDouble(m -> m.get(metric.distanceM())).average()
                            .orElse(Double.NaN);
            default -> throw new IllegalArgumentException(metric + " is not a nuScenes metric: use SafetyScorer");
        };
    }

    private Optional<NuScenesResult> score(Units units, int[] weights) {
        if (units.evaluator.isEmpty()) {
            return Optional.empty();
        }
        if (weights.length != units.frameCount()) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, units have "
                    + units.frameCount() + " frames");
        }
        List<NuScenesMetricData> parts = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            for (int k = 0; k < weights[i]; k++) {
                parts.add(units.frames.get(i));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        NuScenesEvaluator ev = units.evaluator.get();
        return Optional.of(ev.score(NuScenesMetricData.concat(parts),
                new EvalProvenance("nuscenes", ev.config().name(), List.of(), ToolVersion.current())));
    }

    @Override
    public List<PrCurve> curves(Units units, double distanceM) {
        int[] ones = new int[units.frameCount()];
        java.util.Arrays.fill(ones, 1);
        Optional<NuScenesResult> r = score(units, ones);
        List<PrCurve> out = new ArrayList<>();
        if (r.isEmpty()) {
            return out;
        }
        for (String cls : r.get().labelAps().keySet()) {
            DetectionCurve c = r.get().curves().get(NuScenesResult.curveKey(cls, distanceM));
            if (c == null) {
                continue;
            }
            out.add(new PrCurve(cls, distanceM, c.recall(), c.precision(),
                    r.get().labelAps().get(cls).getOrDefault(distanceM, Double.NaN)));
        }
        return out;
    }
}
