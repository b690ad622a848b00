package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The safety views of one scenario for reports and drill-down, computed from its frames matched at
 * {@value #MATCH_M} m. Immutable.
 *
 * @param bins       per class and distance bin (the scenario's bins, then all distances)
 * @param errors     error statistics per class, bin and quantity (rows with samples only)
 * @param criteria   one summary per per-frame criterion gate
 * @param timelines  one view per timeline gate, plus the scenario's worst objects over all distances
 * @param confusion  class confusion from the cross-class matching
 * @param maxF1      the max-F1 score threshold per class
 * @param frames     the matched frames (drill-down rows)
 */
public record ScoringDetail(List<BinRow> bins, List<ErrorRow> errors, List<CriterionRow> criteria,
        List<TimelineView> timelines, ConfusionMatrix confusion, List<MaxF1> maxF1, List<MatchedFrame> frames) {
    /** The match distance of the views, metres. */
    public static final double MATCH_M = 2.0;
    /** Most objects listed per timeline view. */
    public static final int WORST_OBJECTS = 10;

    public ScoringDetail {
        bins = List.copyOf(bins);
        errors = List.copyOf(errors);
        criteria = List.copyOf(criteria);
        timelines = List.copyOf(timelines);
        Objects.requireNonNull(confusion, "confusion");
        maxF1 = List.copyOf(maxF1);
        frames = List.copyOf(frames);
    }

    /** @return a detail with nothing in it (scorers without safety views) */
    public static ScoringDetail empty() {
        return new ScoringDetail(List.of(), List.of(), List.of(), List.of(), new ConfusionMatrix(List.of(),
                new long[1][1]), List.of(), List.of());
    }

    /**
     * One class in one bin.
     *
     * @param className class
     * @param bin       distance bin
     * @param truth     counted ground truth
     * @param truePositives matched detections
     * @param falsePositives unmatched detections
     * @param recall    recall, NaN without truth
     * @param precision precision, NaN without detections
     * @param ap        nuScenes-style AP at {@value #MATCH_M} m, NaN without truth
     */
    public record BinRow(String className, DistanceBin bin, long truth, long truePositives, long falsePositives,
            double recall, double precision, double ap) {
        public BinRow {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(bin, "bin");
        }
    }

    /**
     * Error statistics of one quantity for one class in one bin.
     *
     * @param className class
     * @param bin       distance bin
     * @param quantity  the error
     * @param samples   matched pairs with the error known
     * @param values    one value per {@link Statistic}, in declaration order
     */
    public record ErrorRow(String className, DistanceBin bin, ErrorQuantity quantity, long samples, List<Double> values) {
        public ErrorRow {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(bin, "bin");
            Objects.requireNonNull(quantity, "quantity");
            values = List.copyOf(values);
            if (values.size() != Statistic.values().length) {
                throw new IllegalArgumentException("values has " + values.size() + " entries, expected "
                        + Statistic.values().length);
            }
        }

        /** @return one statistic */
        public double value(Statistic s) {
            return values.get(s.ordinal());
        }
    }

    /**
     * Frame counts of one per-frame criterion gate.
     *
     * @param gate      the gate expression
     * @param passed    passing frames
     * @param failed    failing frames
     * @param notJudged frames without the criterion's denominator
     * @param empty     frames with neither selected ground truth nor selected detections
     */
    public record CriterionRow(String gate, long passed, long failed, long notJudged, long empty) {
        public CriterionRow {
            Objects.requireNonNull(gate, "gate");
        }

        /** @return passed / (passed + failed), NaN when none is judged */
        public double passRate() {
            return passed + failed == 0 ? Double.NaN : (double) passed / (passed + failed);
        }
    }

    /**
     * The worst objects of one selection.
     *
     * @param title   the gate expression, or a description
     * @param objects at most {@value #WORST_OBJECTS}, worst first
     * @param total   objects in the selection
     */
    public record TimelineView(String title, List<ObjectTimeline> objects, int total) {
        public TimelineView {
            Objects.requireNonNull(title, "title");
            objects = List.copyOf(objects.subList(0, Math.min(objects.size(), WORST_OBJECTS)));
        }
    }

    /** Builds the per-bin, error, confusion and max-F1 views (criteria and timelines come from the gates). */
    public static ScoringDetail build(List<MatchedFrame> frames, List<String> classes, List<DistanceBin> bins,
            List<CriterionRow> criteria, List<TimelineView> timelines) {
        int[] ones = new int[frames.size()];
        java.util.Arrays.fill(ones, 1);
        List<DistanceBin> all = new ArrayList<>(bins);
        all.add(DistanceBin.ALL);
        List<BinRow> binRows = new ArrayList<>();
        List<ErrorRow> errRows = new ArrayList<>();
        List<MaxF1> f1 = new ArrayList<>();
        for (String c : classes) {
            for (DistanceBin b : all) {
                ObjectFilter f = ObjectFilter.of(c, b);
                BinMetrics m = BinMetrics.of(frames, f);
                long tp = m.truePositives(ones);
                binRows.add(new BinRow(c, b, m.truth(ones), tp, m.detections(ones) - tp, m.recall(ones),
                        m.precision(ones), m.ap(ones)));
                for (ErrorQuantity q : ErrorQuantity.values()) {
                    ErrorSamples s = ErrorSamples.of(frames, f, q);
                    long n = s.count(ones);
                    if (n > 0) {
                        List<Double> v = new ArrayList<>();
                        for (Statistic st : Statistic.values()) {
                            v.add(s.statistic(st, ones));
                        }
                        errRows.add(new ErrorRow(c, b, q, n, v));
                    }
                }
            }
            f1.add(MaxF1.of(frames, c));
        }
        List<TimelineView> views = new ArrayList<>(timelines);
        List<ObjectTimeline> worst = Timelines.of(frames, ObjectFilter.ALL);
        views.add(new TimelineView("all objects, every distance and score", worst, worst.size()));
        return new ScoringDetail(binRows, errRows, criteria, views, ConfusionMatrix.of(frames, classes), f1, frames);
    }
}
