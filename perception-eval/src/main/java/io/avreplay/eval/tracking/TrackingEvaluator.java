package io.avreplay.eval.tracking;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.numpy.Numpy;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * nuScenes tracking evaluation with parity to nuscenes-devkit 1.2.0 {@code TrackingEval} on py-motmetrics
 * 1.4.0. Use {@link #accumulate} then {@link #score} (data of several logs merge in between with
 * {@link TrackingMetricData#merge}), or {@link #evaluateFiles}. Stateless and thread-safe.
 */
public final class TrackingEvaluator {
    private final TrackingConfig config;

    /** @param config e.g. {@link TrackingConfig#nips2019()} */
    public TrackingEvaluator(TrackingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the configuration */
    public TrackingConfig config() {
        return config;
    }

    /**
     * Filters the boxes and builds the per-scene tracks.
     *
     * @throws io.avreplay.error.BadInputException when a box names an unknown class or a sample outside the
     *         ground-truth scenes
     */
    public TrackingMetricData accumulate(TrackingGroundTruth groundTruth, List<TrackingBox> predictions) {
        return TrackingAccumulator.accumulate(config, groundTruth, predictions);
    }

    /**
     * Computes the metrics of accumulated data.
     *
     * @param provenance recorded in the result
     * @throws IllegalArgumentException when the data was accumulated under another configuration
     */
    public TrackingResult score(TrackingMetricData data, EvalProvenance provenance) {
        if (!data.config().equals(config)) {
            throw new IllegalArgumentException("data was accumulated under config " + data.config().name());
        }
        Map<TrackingMetric, Map<String, Double>> label = new EnumMap<>(TrackingMetric.class);
        for (TrackingMetric m : TrackingMetric.values()) {
            label.put(m, new LinkedHashMap<>());
        }
        Map<String, TrackingCurves> curves = new LinkedHashMap<>();
        List<String> classes = config.classNames();
        for (int c = 0; c < classes.size(); c++) {
            String name = classes.get(c);
            TrackingCurves cv = new ClassEvaluation(config, data.scenes(), c).evaluate();
            curves.put(name, cv);
            int best = nanArgMax(cv.get(TrackingMetric.MOTA));
            for (TrackingMetric m : ClassEvaluation.PER_THRESHOLD) {
                label.get(m).put(name, best < 0 ? Double.NaN : cv.get(m).get(best));
            }
            label.get(TrackingMetric.AMOTA).put(name, average(cv.get(TrackingMetric.MOTAR),
                    config.metricWorst().get(TrackingMetric.AMOTA)));
            label.get(TrackingMetric.AMOTP).put(name, average(cv.get(TrackingMetric.MOTP),
                    config.metricWorst().get(TrackingMetric.AMOTP)));
        }
        Map<TrackingMetric, Double> overall = new EnumMap<>(TrackingMetric.class);
        for (TrackingMetric m : TrackingMetric.values()) {
            overall.put(m, overallValue(m, label.get(m).values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new TrackingResult(provenance, config, label, overall, curves, data.sceneNames(), data.counts());
    }

    /** Reads the two files and evaluates them. @throws io.avreplay.error.BadInputException on bad input */
    public TrackingResult evaluateFiles(Path groundTruth, Path predictions) {
        TrackingGroundTruth gt = readGroundTruth(groundTruth);
        List<TrackingBox> preds = readPredictions(predictions, config.maxBoxesPerSample());
        return score(accumulate(gt, preds), new EvalProvenance("nuscenes-tracking", config.name(),
                List.of(groundTruth.toString(), predictions.toString()), ToolVersion.current()));
    }

    /** Reads a tracking ground-truth file. @throws io.avreplay.error.BadInputException on bad input */
    public static TrackingGroundTruth readGroundTruth(Path file) {
        return TrackingJsonReader.readGroundTruth(file);
    }

    /**
     * Reads a tracking submission.
     *
     * @param maxBoxesPerSample the most predictions a sample may hold
     * @throws io.avreplay.error.BadInputException on bad input or too many boxes in a sample
     */
    public static List<TrackingBox> readPredictions(Path file, int maxBoxesPerSample) {
        return TrackingJsonReader.readPredictions(file, maxBoxesPerSample);
    }

    /** {@code np.nanargmax}: the first index of the largest non-NaN value; -1 when all are NaN. */
    static int nanArgMax(List<Double> v) {
        int best = -1;
        for (int i = 0; i < v.size(); i++) {
            double x = v.get(i);
            if (!Double.isNaN(x) && (best < 0 || x > v.get(best))) {
                best = i;
            }
        }
        return best;
    }

    /** AMOTA/AMOTP: NaN when every value is NaN, else the mean with NaN replaced by {@code worst}. */
    static double average(List<Double> v, double worst) {
        double[] a = new double[v.size()];
        boolean any = false;
        for (int i = 0; i < a.length; i++) {
            double x = v.get(i);
            any |= !Double.isNaN(x);
            a[i] = Double.isNaN(x) ? worst : x;
        }
        return any ? Numpy.mean(a) : Double.NaN;
    }

    /** {@code np.nansum} for counts, {@code np.nanmean} for the rest. */
    static double overallValue(TrackingMetric m, double[] perClass) {
        double[] a = perClass.clone();
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) {
                a[i] = 0;
            } else {
                count++;
            }
        }
        double sum = Numpy.sum(a);
        if (m.summed()) {
            return sum;
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
