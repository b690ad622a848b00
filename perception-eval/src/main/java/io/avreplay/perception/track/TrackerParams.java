package io.avreplay.perception.track;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a {@link Tracker} associates, starts and ends tracks. Data, so that conventions differ by values and
 * not by code.
 *
 * @param matchDistanceM    category to the largest centre distance in x-y (world frame, metres) at which a
 *                          detection may continue a track of that category (prediction to detection); each
 *                          value finite and &gt; 0
 * @param defaultMatchDistanceM the same for a category not in {@code matchDistanceM}, metres, finite, &gt; 0
 * @param birthScore        an unmatched detection starts a track only when its score is at or above this;
 *                          lower unmatched detections are dropped; finite, &gt;= 0
 * @param maxAge            frames a track may go unmatched and still be continued: a track missed in more
 *                          than {@code maxAge} consecutive frames ends; &gt;= 0
 * @param velocityWindowNs  the velocity of a track is the least-squares slope of its centres over the
 *                          observations at most this long before the newest one (a longer window averages
 *                          out more detection noise but lags behind acceleration); nanoseconds, &gt; 0
 */
public record TrackerParams(Map<String, Double> matchDistanceM, double defaultMatchDistanceM, double birthScore,
        int maxAge, long velocityWindowNs) {
    /** @throws IllegalArgumentException naming the field and value when a value is out of range */
    public TrackerParams {
        TreeMap<String, Double> copy = new TreeMap<>();
        matchDistanceM.forEach((category, d) -> {
            if (category == null || d == null || !(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("tracker matchDistanceM[" + category + "] must be finite and > 0, got "
                        + d);
            }
            copy.put(category, d);
        });
        matchDistanceM = Collections.unmodifiableMap(copy);
        if (!(defaultMatchDistanceM > 0) || Double.isInfinite(defaultMatchDistanceM)) {
            throw new IllegalArgumentException("tracker defaultMatchDistanceM must be finite and > 0, got "
                    + defaultMatchDistanceM);
        }
        if (!(birthScore >= 0) || Double.isInfinite(birthScore)) {
            throw new IllegalArgumentException("tracker birthScore must be finite and >= 0, got " + birthScore);
        }
        if (maxAge < 0) {
            throw new IllegalArgumentException("tracker maxAge must be >= 0, got " + maxAge);
        }
        if (velocityWindowNs <= 0) {
            throw new IllegalArgumentException("tracker velocityWindowNs must be > 0, got " + velocityWindowNs);
        }
    }

    /**
     * The defaults: CenterPoint's nuScenes per-class distances (car 4 m, truck 4 m, bus 5.5 m, trailer 3 m,
     * motorcycle 13 m, bicycle 3 m; 2 m for other classes) except pedestrian 1.5 m (CenterPoint: 1 m), birth at
     * score 0.3, tracks kept through 3 missed frames (0.3 s at 10 Hz), velocity fitted over 1 s. The
     * pedestrian distance and the window were chosen on a development log (urban-intersection seed 8, not the
     * demo log); docs/MODELS.md has the comparison.
     */
    public static TrackerParams defaults() {
        Map<String, Double> d = Map.of("car", 4.0, "truck", 4.0, "bus", 5.5, "trailer", 3.0, "pedestrian", 1.5,
                "motorcycle", 13.0, "bicycle", 3.0);
        return new TrackerParams(d, 2.0, 0.3, 3, 1_000_000_000L);
    }

    /** @return the match distance of a category, metres */
    public double matchDistanceM(String category) {
        return matchDistanceM.getOrDefault(category, defaultMatchDistanceM);
    }

    /** @return these parameters with another birth score */
    public TrackerParams withBirthScore(double score) {
        return new TrackerParams(matchDistanceM, defaultMatchDistanceM, score, maxAge, velocityWindowNs);
    }

    /** @return these parameters with another maximum age, frames */
    public TrackerParams withMaxAge(int frames) {
        return new TrackerParams(matchDistanceM, defaultMatchDistanceM, birthScore, frames, velocityWindowNs);
    }
}
