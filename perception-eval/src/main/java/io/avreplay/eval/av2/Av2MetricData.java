package io.avreplay.eval.av2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Accumulated av2 detection data: per category, every evaluated detection (its sweep, score, true-positive
 * flag per affinity threshold and its ATE/ASE/AOE as a true positive at the TP threshold) in av2's order
 * (by log id and timestamp, file order inside a sweep), and the number of evaluated annotations. Merging
 * keeps that order. Immutable; thread-safe.
 */
public final class Av2MetricData {
    /**
     * One evaluated detection.
     *
     * @param logId       the log
     * @param timestampNs the sweep
     * @param score       the detection score
     * @param truePositive per affinity threshold, whether it matched
     * @param ateM        translation error as a true positive at the TP threshold, metres
     * @param ase         scale error, 1 - aligned 3D IoU
     * @param aoeRad      absolute yaw error, radians
     */
    record Detection(String logId, long timestampNs, double score, boolean[] truePositive, double ateM, double ase,
            double aoeRad) {
    }

    /**
     * Row and sweep counts.
     *
     * @param sweeps              distinct (log, timestamp) pairs in either table
     * @param annotations         annotation rows read
     * @param evaluatedAnnotations annotations in range with interior points
     * @param detections          detection rows read
     * @param evaluatedDetections detections in range and within the per-sweep cap
     */
    public record Counts(int sweeps, int annotations, int evaluatedAnnotations, int detections,
            int evaluatedDetections) {
        /** @throws IllegalArgumentException when an evaluated count exceeds its total */
        public Counts {
            if (evaluatedAnnotations > annotations || evaluatedDetections > detections || sweeps < 0) {
                throw new IllegalArgumentException("av2 counts: evaluated rows exceed rows: " + evaluatedAnnotations
                        + "/" + annotations + ", " + evaluatedDetections + "/" + detections);
            }
        }

        Counts plus(Counts o) {
            return new Counts(sweeps + o.sweeps, annotations + o.annotations, evaluatedAnnotations
                    + o.evaluatedAnnotations, detections + o.detections, evaluatedDetections + o.evaluatedDetections);
        }
    }

    private final Av2Config config;
    private final Map<String, List<Detection>> detections;
    private final Map<String, Integer> annotations;
    private final Counts counts;

    Av2MetricData(Av2Config config, Map<String, List<Detection>> detections, Map<String, Integer> annotations,
            Counts counts) {
        this.config = Objects.requireNonNull(config, "config");
        Map<String, List<Detection>> d = new LinkedHashMap<>();
        detections.forEach((k, v) -> d.put(k, List.copyOf(v)));
        this.detections = d;
        this.annotations = new LinkedHashMap<>(annotations);
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** @return the configuration the data was accumulated under */
    public Av2Config config() {
        return config;
    }

    /** @return row and sweep counts */
    public Counts counts() {
        return counts;
    }

    List<Detection> detections(String category) {
        return detections.getOrDefault(category, List.of());
    }

    int annotations(String category) {
        return annotations.getOrDefault(category, 0);
    }

    /**
     * @return the union of both, detections ordered by (log id, timestamp) as av2 orders them
     * @throws IllegalArgumentException when the configurations differ
     */
    public Av2MetricData merge(Av2MetricData other) {
        if (!config.equals(other.config)) {
            throw new IllegalArgumentException("cannot merge av2 data of configs " + config.name() + " and "
                    + other.config.name());
        }
        Map<String, List<Detection>> d = new LinkedHashMap<>();
        detections.forEach((k, v) -> d.put(k, new ArrayList<>(v)));
        other.detections.forEach((k, v) -> d.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        Comparator<Detection> bySweep = Comparator.comparing(Detection::logId).thenComparingLong(Detection::timestampNs);
        d.values().forEach(list -> list.sort(bySweep));
        Map<String, Integer> a = new LinkedHashMap<>(annotations);
        other.annotations.forEach((k, v) -> a.merge(k, v, Integer::sum));
        return new Av2MetricData(config, d, a, counts.plus(other.counts));
    }
}
