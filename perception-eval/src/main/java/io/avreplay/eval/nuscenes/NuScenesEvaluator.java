package io.avreplay.eval.nuscenes;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * nuScenes detection evaluation with parity to nuscenes-devkit 1.2.0 {@code DetectionEval}. Use
 * {@link #accumulate} then {@link #score} (data from several logs can be merged in between with
 * {@link NuScenesMetricData#merge}), or {@link #evaluate} for both. Stateless and thread-safe.
 */
public final class NuScenesEvaluator {
    private final NuScenesConfig config;

    /** @param config the configuration, e.g. {@link NuScenesConfig#cvpr2019()} */
    public NuScenesEvaluator(NuScenesConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the configuration */
    public NuScenesConfig config() {
        return config;
    }

    /**
     * Filters and matches boxes. Boxes of classes outside the configuration are ignored; predictions in
     * samples without ground truth are false positives and are counted in
     * {@link NuScenesMetricData.FilterCounts#predsWithoutGtSample()}.
     *
     * @throws io.avreplay.error.BadInputException when a sample has more than
     *         {@link NuScenesConfig#maxBoxesPerSample()} predictions
     */
    public NuScenesMetricData accumulate(NuScenesGroundTruth groundTruth, List<InSample<Detection3d>> predictions) {
        return NuScenesAccumulator.accumulate(config, groundTruth, predictions);
    }

    /**
     * Computes curves and metrics from accumulated data.
     *
     * @param data       accumulated under this evaluator's configuration
     * @param provenance recorded in the result
     */
    public NuScenesResult score(NuScenesMetricData data, EvalProvenance provenance) {
        if (!data.config().equals(config)) {
            throw new IllegalArgumentException("data was accumulated under config " + data.config().name());
        }
        long start = System.nanoTime();
        Map<String, DetectionCurve> curves = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> labelAps = new LinkedHashMap<>();
        Map<String, Double> meanDistAps = new LinkedHashMap<>();
        Map<String, Map<TpMetric, Double>> labelTp = new LinkedHashMap<>();
        for (String c : config.classNames()) {
            ClassMatches cm = data.classMatches(c);
            int[] sorted = cm.sortedIndices();
            Map<Double, Double> aps = new LinkedHashMap<>();
            DetectionCurve tpCurve = null;
            for (int t = 0; t < config.distThs().size(); t++) {
                double th = config.distThs().get(t);
                DetectionCurve curve = NuScenesCurves.compute(cm, t, sorted);
                curves.put(NuScenesResult.curveKey(c, th), curve);
                aps.put(th, NuScenesMetrics.averagePrecision(curve, config.minRecall(), config.minPrecision()));
                if (th == config.distThTp()) {
                    tpCurve = curve;
                }
            }
            labelAps.put(c, aps);
            meanDistAps.put(c, NuScenesMetrics.mean(new ArrayList<>(aps.values())));
            Map<TpMetric, Double> tp = new EnumMap<>(TpMetric.class);
            for (TpMetric m : TpMetric.values()) {
                tp.put(m, m.undefinedFor(c) ? Double.NaN : NuScenesMetrics.tpError(tpCurve, config.minRecall(), m));
            }
            labelTp.put(c, tp);
        }
        double meanAp = NuScenesMetrics.mean(new ArrayList<>(meanDistAps.values()));
        Map<TpMetric, Double> tpErrors = new EnumMap<>(TpMetric.class);
        Map<TpMetric, Double> tpScores = new EnumMap<>(TpMetric.class);
        double total = config.meanApWeight() * meanAp;
        for (TpMetric m : TpMetric.values()) {
            List<Double> perClass = new ArrayList<>();
            labelTp.values().forEach(v -> perClass.add(v.get(m)));
            double err = NuScenesMetrics.nanMean(perClass);
            tpErrors.put(m, err);
            tpScores.put(m, NuScenesMetrics.tpScore(err));
            total += tpScores.get(m);
        }
        double nds = total / (config.meanApWeight() + TpMetric.values().length);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new NuScenesResult(provenance, config, labelAps, meanDistAps, meanAp, labelTp, tpErrors, tpScores, nds,
                seconds, curves, data.counts());
    }

    /** Accumulates and scores in one step; provenance names in-memory inputs. */
    public NuScenesResult evaluate(NuScenesGroundTruth groundTruth, List<InSample<Detection3d>> predictions) {
        return score(accumulate(groundTruth, predictions),
                new EvalProvenance("nuscenes", config.name(), List.of("<memory>"), ToolVersion.current()));
    }

    /**
     * Reads the two files and evaluates them.
     *
     * @throws io.avreplay.error.BadInputException when a file is unreadable, malformed or holds invalid boxes
     */
    public NuScenesResult evaluateFiles(Path groundTruth, Path predictions) {
        NuScenesGroundTruth gt = NuScenesJsonReader.readGroundTruth(groundTruth);
        List<InSample<Detection3d>> preds = NuScenesJsonReader.readPredictions(predictions);
        return score(accumulate(gt, preds), new EvalProvenance("nuscenes", config.name(),
                List.of(groundTruth.toString(), predictions.toString()), ToolVersion.current()));
    }

    /** Reads a ground-truth file. @throws io.avreplay.error.BadInputException on bad input */
    public static NuScenesGroundTruth readGroundTruth(Path file) {
        return NuScenesJsonReader.readGroundTruth(file);
    }

    /** Reads a predictions file. @throws io.avreplay.error.BadInputException on bad input */
    public static List<InSample<Detection3d>> readPredictions(Path file) {
        return NuScenesJsonReader.readPredictions(file);
    }
}
