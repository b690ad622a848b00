package io.avreplay.eval.tracking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accumulated tracking data: the prepared tracks of every scene (filtered, track-averaged scores,
 * interpolated), ready for scoring. Tracking metrics are not sums of per-scene numbers (the recall
 * thresholds depend on all scenes), so data from several logs merge by their scenes. Immutable;
 * thread-safe.
 */
public final class TrackingMetricData implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final TrackingConfig config;
    private final List<SceneTracks> scenes;
    private final Counts counts;

    TrackingMetricData(TrackingConfig config, List<SceneTracks> scenes, Counts counts) {
        this.config = Objects.requireNonNull(config, "config");
        this.scenes = List.copyOf(scenes);
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** @return the configuration the data was accumulated under */
    public TrackingConfig config() {
        return config;
    }

    /** @return box counts before and after filtering */
    public Counts counts() {
        return counts;
    }

    /** @return the scene names, in scoring order */
    public List<String> sceneNames() {
        return scenes.stream().map(s -> s.name).toList();
    }

    List<SceneTracks> scenes() {
        return scenes;
    }

    /**
     * @return this data followed by {@code other}'s scenes
     * @throws IllegalArgumentException when the configurations differ or a scene token appears in both
     */
    public TrackingMetricData merge(TrackingMetricData other) {
        if (!config.equals(other.config)) {
            throw new IllegalArgumentException("cannot merge tracking data of configs " + config.name() + " and "
                    + other.config.name());
        }
        Set<String> tokens = new HashSet<>();
        scenes.forEach(s -> tokens.add(s.token));
        for (SceneTracks s : other.scenes) {
            if (tokens.contains(s.token)) {
                throw new IllegalArgumentException("cannot merge tracking data: scene " + s.token + " is in both");
            }
        }
        List<SceneTracks> all = new ArrayList<>(scenes);
        all.addAll(other.scenes);
        return new TrackingMetricData(config, all, counts.plus(other.counts));
    }

    /**
     * Box counts around the filters (class range, {@code num_pts == 0}, bike racks), before interpolation.
     *
     * @param gtBefore   ground-truth boxes read
     * @param gtAfter    ground-truth boxes kept
     * @param predBefore predicted boxes read
     * @param predAfter  predicted boxes kept
     */
    public record Counts(int gtBefore, int gtAfter, int predBefore, int predAfter) implements java.io.Serializable {
        /** @throws IllegalArgumentException when a count is negative or grows through filtering */
        public Counts {
            if (gtAfter < 0 || predAfter < 0 || gtAfter > gtBefore || predAfter > predBefore) {
                throw new IllegalArgumentException("tracking counts: need 0 <= after <= before, got GT " + gtBefore
                        + " -> " + gtAfter + ", PRED " + predBefore + " -> " + predAfter);
            }
        }

        Counts plus(Counts o) {
            return new Counts(gtBefore + o.gtBefore, gtAfter + o.gtAfter, predBefore + o.predBefore,
                    predAfter + o.predAfter);
        }
    }
}
