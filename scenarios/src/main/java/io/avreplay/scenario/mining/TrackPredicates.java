package io.avreplay.scenario.mining;

import io.avreplay.replay.object.GroundTruth3d;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Predicates that follow a track through earlier frames: cut-in and pop-out. */
final class TrackPredicates {
    private TrackPredicates() {
    }

    static Optional<GroundTruth3d> find(MiningLog log, int i, String trackId) {
        return log.boxes(i).stream().filter(a -> a.trackId().equals(trackId)).findFirst();
    }

    /**
     * A vehicle enters the ego lane ahead: at frame {@code i} it is inside the lane (|y| ≤ {@code
     * laneHalfWidthM}, 0 &lt; x ≤ {@code rangeM}), at frame {@code i − 1} it was not, and within the last
     * {@code horizonS} seconds it was outside the lane (|y| &gt; half-width) while tracked.
     */
    record CutIn(Set<String> categories, double laneHalfWidthM, double rangeM, double horizonS) implements Predicate {
        CutIn {
            categories = Set.copyOf(categories);
        }

        @Override
        public boolean test(MiningLog log, int i) {
            if (i == 0) {
                return false;
            }
            long horizonNs = (long) (horizonS * 1e9);
            for (GroundTruth3d a : log.boxes(i)) {
                if (!categories.contains(a.category()) || !inLane(a)) {
                    continue;
                }
                Optional<GroundTruth3d> prev = find(log, i - 1, a.trackId());
                if (prev.isEmpty() || inLane(prev.get())) {
                    continue;
                }
                for (int j = i - 1; j >= 0 && log.t(i) - log.t(j) <= horizonNs; j--) {
                    Optional<GroundTruth3d> b = find(log, j, a.trackId());
                    if (b.isEmpty()) {
                        break;
                    }
                    if (Math.abs(b.get().box().centre().y()) > laneHalfWidthM) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean inLane(GroundTruth3d a) {
            double x = a.box().centre().x();
            return x > 0 && x <= rangeM && Math.abs(a.box().centre().y()) <= laneHalfWidthM;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "cut_in(categories=%s, laneHalfWidthM=%s, rangeM=%s, horizonS=%s)",
                    new java.util.TreeSet<>(categories), laneHalfWidthM, rangeM, horizonS);
        }
    }

    /**
     * An actor becomes visible after being hidden: at frame {@code i} it has lidar points and visibility
     * at least {@code minVisibility} (or unknown), within {@code rangeM}; at frame {@code i − 1} it was
     * hidden (no lidar point, or visibility below the minimum), and had been for at least {@code minHiddenS}.
     */
    record PopOut(Set<String> categories, double minVisibility, double minHiddenS, double rangeM) implements Predicate {
        PopOut {
            categories = Set.copyOf(categories);
        }

        @Override
        public boolean test(MiningLog log, int i) {
            if (i == 0) {
                return false;
            }
            for (GroundTruth3d a : log.boxes(i)) {
                if (!categories.contains(a.category()) || hidden(a)
                        || Math.hypot(a.box().centre().x(), a.box().centre().y()) > rangeM) {
                    continue;
                }
                Optional<GroundTruth3d> prev = find(log, i - 1, a.trackId());
                if (prev.isEmpty() || !hidden(prev.get())) {
                    continue;
                }
                int j = i - 1;
                while (j > 0 && find(log, j - 1, a.trackId()).map(this::hidden).orElse(false)) {
                    j--;
                }
                if ((log.t(i) - log.t(j)) / 1e9 >= minHiddenS) {
                    return true;
                }
            }
            return false;
        }

        private boolean hidden(GroundTruth3d a) {
            return a.numPoints() == 0 || a.visibility() < minVisibility;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "pop_out(categories=%s, minVisibility=%s, minHiddenS=%s, rangeM=%s)",
                    new java.util.TreeSet<>(categories), minVisibility, minHiddenS, rangeM);
        }
    }
}
