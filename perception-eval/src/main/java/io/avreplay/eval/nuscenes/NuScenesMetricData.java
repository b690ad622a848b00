package io.avreplay.eval.nuscenes;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulated nuScenes match data: for each class, every prediction's score and match result at every
 * distance threshold, and the number of ground-truth boxes. Immutable and thread-safe. Partial data from
 * disjoint sets of samples (different logs or machines) combine with {@link #merge}, which gives exactly
 * the data of evaluating the concatenation of their inputs.
 */
public final class NuScenesMetricData implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final NuScenesConfig config;
    private final Map<String, ClassMatches> classes;
    private final Set<String> samples;
    private final FilterCounts counts;

    NuScenesMetricData(NuScenesConfig config, Map<String, ClassMatches> classes, Set<String> samples,
            FilterCounts counts) {
        this.config = config;
        this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        this.samples = Collections.unmodifiableSet(new LinkedHashSet<>(samples));
        this.counts = counts;
    }

    /** @return the configuration the data was accumulated under */
    public NuScenesConfig config() {
        return config;
    }

    /** @return the sample tokens covered, in evaluation order */
    public Set<String> samples() {
        return samples;
    }

    /** @return box counts before and after filtering */
    public FilterCounts counts() {
        return counts;
    }

    ClassMatches classMatches(String className) {
        return classes.get(className);
    }

    /**
     * Combines data from disjoint sample sets; {@code b}'s samples come after {@code a}'s.
     *
     * @throws IllegalArgumentException when the configurations differ or a sample is in both
     */
    public static NuScenesMetricData merge(NuScenesMetricData a, NuScenesMetricData b) {
        if (!a.config.equals(b.config)) {
            throw new IllegalArgumentException("cannot merge nuScenes data accumulated under different configs: "
                    + a.config.name() + " and " + b.config.name());
        }
        Set<String> common = new HashSet<>(a.samples);
        common.retainAll(b.samples);
        if (!common.isEmpty()) {
            throw new IllegalArgumentException("cannot merge nuScenes data: sample " + common.iterator().next()
                    + " is in both parts");
        }
        Map<String, ClassMatches> m = new LinkedHashMap<>();
        for (String c : a.config.classNames()) {
            m.put(c, ClassMatches.merge(a.classes.get(c), b.classes.get(c)));
        }
        Set<String> s = new LinkedHashSet<>(a.samples);
        s.addAll(b.samples);
        return new NuScenesMetricData(a.config, m, s, FilterCounts.sum(a.counts, b.counts));
    }

    /**
     * Concatenates parts in order in one pass, as if their inputs had been evaluated together. Unlike
     * {@link #merge}, a sample may occur in several parts: this is how a bootstrap resample counts a
     * frame more than once (each occurrence is an independent copy of that sample's predictions and
     * ground truth).
     *
     * @throws IllegalArgumentException when {@code parts} is empty or the configurations differ
     */
    public static NuScenesMetricData concat(List<NuScenesMetricData> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        NuScenesMetricData first = parts.get(0);
        Map<String, ClassMatches> m = new LinkedHashMap<>();
        for (String c : first.config.classNames()) {
            java.util.List<ClassMatches> cm = new java.util.ArrayList<>(parts.size());
            for (NuScenesMetricData p : parts) {
                if (!p.config.equals(first.config)) {
                    throw new IllegalArgumentException("cannot concatenate nuScenes data accumulated under different"
                            + " configs: " + first.config.name() + " and " + p.config.name());
                }
                cm.add(p.classes.get(c));
            }
            m.put(c, ClassMatches.concat(cm));
        }
        Set<String> s = new LinkedHashSet<>();
        FilterCounts counts = null;
        for (NuScenesMetricData p : parts) {
            s.addAll(p.samples);
            counts = counts == null ? p.counts : FilterCounts.sum(counts, p.counts);
        }
        return new NuScenesMetricData(first.config, m, s, counts);
    }

    /**
     * Box counts of an evaluation.
     *
     * @param gtBefore              ground-truth boxes read
     * @param gtAfter               ground-truth boxes left after the range, {@code num_pts} and bike-rack filters
     * @param predBefore            predictions read
     * @param predAfter             predictions left after filtering
     * @param samples               samples evaluated
     * @param predsWithoutGtSample  predictions (after filtering) in samples that have no ground truth;
     *                              they are all false positives
     * @param samplesWithoutGt      samples that have predictions but no ground-truth entry
     */
    public record FilterCounts(int gtBefore, int gtAfter, int predBefore, int predAfter, int samples,
            int predsWithoutGtSample, int samplesWithoutGt) implements java.io.Serializable {
        static FilterCounts sum(FilterCounts a, FilterCounts b) {
            return new FilterCounts(a.gtBefore + b.gtBefore, a.gtAfter + b.gtAfter, a.predBefore + b.predBefore,
                    a.predAfter + b.predAfter, a.samples + b.samples, a.predsWithoutGtSample + b.predsWithoutGtSample,
                    a.samplesWithoutGt + b.samplesWithoutGt);
        }
    }

    /** @return the class names in report order */
    List<String> classNames() {
        return config.classNames();
    }
}
