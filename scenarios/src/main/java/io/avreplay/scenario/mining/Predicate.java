package io.avreplay.scenario.mining;

import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A condition on one annotated timestamp of a log (frame {@code i} of a {@link MiningLog}), possibly
 * looking at earlier frames. Boxes are in the ego frame: +x ahead along the ego heading, +y to the left.
 * Immutable and thread-safe.
 */
public sealed interface Predicate permits Predicate.All, Predicate.Any, Predicate.InPath, Predicate.Dense,
        Predicate.HardBraking, TrackPredicates.CutIn, TrackPredicates.PopOut {
    /** @return whether the condition holds at frame {@code i} */
    boolean test(MiningLog log, int i);

    /** @return the predicate and its parameters as text, for provenance */
    String describe();

    /** All of the parts hold. */
    record All(List<Predicate> parts) implements Predicate {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(MiningLog log, int i) {
            return parts.stream().allMatch(p -> p.test(log, i));
        }

        @Override
        public String describe() {
            return parts.size() == 1 ? parts.get(0).describe()
                    : "all(" + parts.stream().map(Predicate::describe).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Any of the parts holds. */
    record Any(List<Predicate> parts) implements Predicate {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(MiningLog log, int i) {
            return parts.stream().anyMatch(p -> p.test(log, i));
        }

        @Override
        public String describe() {
            return "any(" + parts.stream().map(Predicate::describe).collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * An object of {@code categories} in the ego's path: centre ahead within {@code rangeM} and its near
     * edge within {@code halfWidthM} of the ego's centre line.
     */
    record InPath(String name, Set<String> categories, double rangeM, double halfWidthM) implements Predicate {
        public InPath {
            categories = Set.copyOf(categories);
        }

        @Override
        public boolean test(MiningLog log, int i) {
            for (GroundTruth3d a : log.boxes(i)) {
                if (categories.contains(a.category()) && inCorridor(a, rangeM, halfWidthM)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s(categories=%s, rangeM=%s, halfWidthM=%s)", name,
                    new java.util.TreeSet<>(categories), rangeM, halfWidthM);
        }
    }

    /** At least {@code minCount} objects of {@code categories} with centre within {@code rangeM} of the ego. */
    record Dense(Set<String> categories, int minCount, double rangeM) implements Predicate {
        public Dense {
            categories = Set.copyOf(categories);
        }

        @Override
        public boolean test(MiningLog log, int i) {
            long n = log.boxes(i).stream().filter(a -> categories.contains(a.category())
                    && Math.hypot(a.box().centre().x(), a.box().centre().y()) <= rangeM).count();
            return n >= minCount;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "dense_traffic(categories=%s, minVehicles=%d, rangeM=%s)",
                    new java.util.TreeSet<>(categories), minCount, rangeM);
        }
    }

    /**
     * Ego hard braking: longitudinal deceleration above {@code decelerationMps2}, from the ego positions
     * (central differences of the speed along the heading over ±{@code spanS}/2).
     */
    record HardBraking(double decelerationMps2, double spanS) implements Predicate {
        @Override
        public boolean test(MiningLog log, int i) {
            if (log.ego().isEmpty()) {
                return false;
            }
            long t = log.t(i);
            long half = (long) (spanS * 0.5e9);
            double a = (speed(log, t + half) - speed(log, t - half)) / spanS;
            return -a > decelerationMps2;
        }

        /** Speed along the heading at {@code t}, m/s, from positions 0.1 s either side. */
        static double speed(MiningLog log, long t) {
            long h = 50_000_000L;
            EgoPose a = log.ego().at(t - h);
            EgoPose b = log.ego().at(t + h);
            double yaw = log.ego().at(t).egoToWorld().rotation().yaw();
            double dx = b.egoToWorld().translation().x() - a.egoToWorld().translation().x();
            double dy = b.egoToWorld().translation().y() - a.egoToWorld().translation().y();
            return (dx * Math.cos(yaw) + dy * Math.sin(yaw)) / ((b.timestampNs() - a.timestampNs()) / 1e9);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "hard_braking(decelerationMps2=%s, spanS=%s)", decelerationMps2, spanS);
        }
    }

    /** @return whether the box is ahead within range and its near edge inside the corridor */
    static boolean inCorridor(GroundTruth3d a, double rangeM, double halfWidthM) {
        double x = a.box().centre().x();
        double y = a.box().centre().y();
        double halfExtent = Math.min(a.box().width(), a.box().length()) / 2;
        return x > 0 && x <= rangeM && Math.abs(y) - halfExtent <= halfWidthM;
    }
}
