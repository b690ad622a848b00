package io.avreplay.scenario.gate;

import io.avreplay.replay.object.Detection3d;
import io.avreplay.scenario.scoring.BinMetrics;
import io.avreplay.scenario.scoring.DistanceBin;
import io.avreplay.scenario.scoring.ErrorSamples;
import io.avreplay.scenario.scoring.FrameMatcher;
import io.avreplay.scenario.scoring.FrameVerdicts;
import io.avreplay.scenario.scoring.MatchedFrame;
import io.avreplay.scenario.scoring.ObjectFilter;
import io.avreplay.scenario.scoring.ObjectTimeline;
import io.avreplay.scenario.scoring.ScoringDetail;
import io.avreplay.scenario.scoring.TimelineMeasure;
import io.avreplay.scenario.scoring.Timelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scorer of {@code avreplay gate}: plain AP, mAP and NDS through {@link NuScenesScenarioScorer}
 * (devkit parity), every other metric (binned AP, recall, precision, per-frame criteria, error statistics,
 * timelines) from the frames matched once per match distance and minimum score ({@link FrameMatcher}), lazily, into
 * mergeable {@link MatchedFrame} rows. Per-metric structures (sorted detections, sorted error samples,
 * frame verdicts) are built once per units and reused by every bootstrap resample. Thread-safe.
 */
public final class SafetyScorer implements ScenarioScorer<SafetyScorer.Units> {
    private final NuScenesScenarioScorer nuScenes;

    /** A scorer with the nuScenes {@code detection_cvpr_2019} configuration for the plain metrics. */
    public SafetyScorer() {
        this(new NuScenesScenarioScorer());
    }

    /** @param nuScenes the scorer of plain AP, mAP and NDS */
    public SafetyScorer(NuScenesScenarioScorer nuScenes) {
        this.nuScenes = nuScenes;
    }

    @Override
    public String name() {
        return nuScenes.name() + "+safety";
    }

    @Override
    public Set<String> knownClasses() {
        return nuScenes.knownClasses();
    }

    /** The nuScenes units plus the scenario's frames, matched on demand per distance. */
    public static final class Units implements FrameUnits {
        private final NuScenesScenarioScorer.Units nuScenes;
        private final List<EvalFrame> frames;
        private final List<String> classes;
        private final Map<List<Double>, List<MatchedFrame>> matched = new ConcurrentHashMap<>();
        private final Map<Object, Object> built = new ConcurrentHashMap<>();

        Units(NuScenesScenarioScorer.Units nuScenes, List<EvalFrame> frames, List<String> classes) {
            this.nuScenes = nuScenes;
            this.frames = List.copyOf(frames);
            this.classes = List.copyOf(classes);
        }

        @Override
        public int frameCount() {
            return frames.size();
        }

        /** @return the frames matched at a centre distance, metres (computed once) */
        public List<MatchedFrame> matched(double distanceM) {
            return matched(distanceM, 0);
        }

        /**
         * @param minScore detections scoring below it are left out before matching (the greedy match in
         *                 score order then equals the full match with them dropped afterwards)
         * @return the frames matched at a centre distance, metres, at that operating point (computed once)
         */
        public List<MatchedFrame> matched(double distanceM, double minScore) {
            return matched.computeIfAbsent(List.of(distanceM, minScore), k -> {
                FrameMatcher m = new FrameMatcher(classes, distanceM);
                List<MatchedFrame> out = new ArrayList<>(frames.size());
                for (EvalFrame f : frames) {
                    List<Detection3d> dets = minScore == 0 ? f.detections()
                            : f.detections().stream().filter(d -> d.score() >= minScore).toList();
                    out.add(m.match("", f.timestampNs(), f.truth(), dets));
                }
                return List.copyOf(out);
            });
        }

        @SuppressWarnings("unchecked")
        private <T> T built(Object key, java.util.function.Supplier<T> make) {
            return (T) built.computeIfAbsent(key, k -> make.get());
        }
    }

    @Override
    public Units accumulate(List<EvalFrame> frames, List<String> classes) {
        return new Units(nuScenes.accumulate(frames, classes), frames, classes);
    }

    private record Key(String what, ObjectFilter filter, double distanceM, Object detail) { }

    @Override
    public double compute(MetricId metric, Units u, int[] weights) {
        if (metric.usesNuScenes()) {
            return nuScenes.compute(metric, u.nuScenes, weights);
        }
        if (weights.length != u.frameCount()) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, units have "
                    + u.frameCount() + " frames");
        }
        List<Double> ds = metric.matchDistancesM();
        double sum = 0;
        for (double d : ds) {
            double v = at(metric, u, weights, d);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            sum += v;
        }
        return sum / ds.size();
    }

    private double at(MetricId metric, Units u, int[] w, double d) {
        ObjectFilter f = metric.filter();
        return switch (metric.kind()) {
            case AP -> bins(u, f, d).ap(w);
            case MAP -> meanAp(metric, u, w, d);
            case RECALL -> bins(u, f, d).recall(w);
            case PRECISION -> bins(u, f, d).precision(w);
            case FRAMES -> {
                Measure.PerFrame p = (Measure.PerFrame) metric.measure();
                yield u.<FrameVerdicts>built(new Key("frames", f, d, p), () -> FrameVerdicts.of(
                        u.matched(d, f.minScore()), f, p.criterion(), p.level())).passRate(w);
            }
            case ERR -> {
                Measure.ErrorStat e = (Measure.ErrorStat) metric.measure();
                yield u.<ErrorSamples>built(new Key("err", f, d, e.quantity()), () -> ErrorSamples.of(
                        u.matched(d, f.minScore()), f, e.quantity())).statistic(e.statistic(), w);
            }
            case MAX_MISS_S, FIRST_DETECT_S, DETECTED_SHARE -> {
                for (int x : w) {
                    if (x != 1) {
                        yield Double.NaN;
                    }
                }
                yield TimelineMeasure.valueOf(metric.kind().name()).worst(timelines(u, f, d));
            }
            case AMOTA, AMOTP, MOTA, MOTP, IDS, FRAG -> {
                for (int x : w) {
                    if (x != 1) {
                        yield Double.NaN;
                    }
                }
                yield u.<ScenarioTracks>built(new Key("tracks", ObjectFilter.ALL, 0, ""),
                        () -> ScenarioTracks.of(u.frames)).value(metric);
            }
            case NDS -> throw new IllegalArgumentException("nds takes no selector");
        };
    }

    private static BinMetrics bins(Units u, ObjectFilter f, double d) {
        return u.built(new Key("bins", f, d, ""), () -> BinMetrics.of(u.matched(d, f.minScore()), f));
    }

    private static List<ObjectTimeline> timelines(Units u, ObjectFilter f, double d) {
        return u.built(new Key("timelines", f, d, ""), () -> Timelines.of(u.matched(d, f.minScore()), f));
    }

    /** Mean of the binned AP of the scenario's classes with selected ground truth in the resample. */
    private static double meanAp(MetricId metric, Units u, int[] w, double d) {
        double sum = 0;
        int n = 0;
        for (String c : u.classes) {
            ObjectFilter f = metric.filter();
            ObjectFilter one = new ObjectFilter(List.of(c), f.bin(), f.region(), f.minPoints(), f.minVisibility(),
                    f.minScore());
            double ap = bins(u, one, d).ap(w);
            if (!Double.isNaN(ap)) {
                sum += ap;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public List<PrCurve> curves(Units units, double distanceM) {
        return nuScenes.curves(units.nuScenes, distanceM);
    }

    @Override
    public ScoringDetail detail(Units u, List<Gate> gates, List<DistanceBin> bins) {
        List<ScoringDetail.CriterionRow> criteria = new ArrayList<>();
        List<ScoringDetail.TimelineView> views = new ArrayList<>();
        int[] ones = new int[u.frameCount()];
        java.util.Arrays.fill(ones, 1);
        for (Gate g : gates) {
            MetricId m = g.metric();
            double d = m.matchDistancesM().get(0);
            if (m.measure() instanceof Measure.PerFrame p) {
                FrameVerdicts v = u.built(new Key("frames", m.filter(), d, p), () -> FrameVerdicts.of(u.matched(d,
                        m.filter().minScore()), m.filter(), p.criterion(), p.level()));
                criteria.add(new ScoringDetail.CriterionRow(g.expression(), v.count(FrameVerdicts.Verdict.PASS, ones),
                        v.count(FrameVerdicts.Verdict.FAIL, ones), v.count(FrameVerdicts.Verdict.NOT_JUDGED, ones),
                        v.count(FrameVerdicts.Verdict.EMPTY, ones)));
            } else if (!m.kind().resampled()) {
                List<ObjectTimeline> t = timelines(u, m.filter(), d);
                views.add(new ScoringDetail.TimelineView(g.expression(), t, t.size()));
            }
        }
        return ScoringDetail.build(u.matched(ScoringDetail.MATCH_M), u.classes, bins, criteria, views);
    }
}
