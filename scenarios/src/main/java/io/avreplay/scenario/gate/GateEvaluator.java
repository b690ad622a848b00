package io.avreplay.scenario.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Decides gates. An absolute gate passes when the candidate's value (all frames once) satisfies it; a
 * NaN value fails, saying why. A regression gate {@code M drop <= X} compares the candidate with the
 * baseline on the same frames: it draws {@link BootstrapConfig#resamples()} resamples of the frames with
 * replacement (a {@link SplittableRandom} seeded with {@link BootstrapConfig#seed()}, the same resample
 * for candidate and baseline, so the bootstrap is paired), computes drop = baseline − candidate on each,
 * and takes the percentile interval at {@link BootstrapConfig#confidence()}. It fails only when the whole
 * interval lies beyond X, i.e. the drop is significantly larger than allowed. Resamples on which a value is
 * NaN (a class absent from the resample) are left out of the interval. For lower-is-better metrics
 * (error statistics) the worsening is candidate − baseline ({@code rise}). Per-object timeline metrics
 * are not resampled (their interval is NaN) and take absolute gates only. Thread-safe.
 */
public final class GateEvaluator {
    private static final String UNDEFINED = " is undefined on this scenario (nothing selected: no ground truth of its "
            + "selection, no judged frame or no matched pair in the window)";
    private final BootstrapConfig config;

    public GateEvaluator(BootstrapConfig config) {
        this.config = config;
    }

    public BootstrapConfig config() {
        return config;
    }

    /**
     * Evaluates gates on one scenario.
     *
     * @param candidate units of the candidate's detections
     * @param baseline  units of the baseline's detections on the same frames, if any
     * @throws IllegalArgumentException when candidate and baseline have different frame counts
     */
    public <U extends FrameUnits> List<GateResult> evaluate(List<Gate> gates, ScenarioScorer<U> scorer, U candidate,
            Optional<U> baseline) {
        int n = candidate.frameCount();
        if (baseline.isPresent() && baseline.get().frameCount() != n) {
            throw new IllegalArgumentException("candidate has " + n + " frames, baseline "
                    + baseline.get().frameCount() + "; they must be scored on the same frames");
        }
        int[][] samples = resamples(n);
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        List<GateResult> out = new ArrayList<>();
        for (Gate g : gates) {
            double c = scorer.compute(g.metric(), candidate, ones);
            double b = baseline.map(u -> scorer.compute(g.metric(), u, ones)).orElse(Double.NaN);
            double[] ci = g.metric().kind().resampled() ? interval(g.metric(), scorer, candidate, baseline, samples)
                    : new double[] {Double.NaN, Double.NaN};
            out.add(g.regression() ? regression(g, c, b, ci, baseline.isPresent()) : absolute(g, c, b, ci));
        }
        return out;
    }

    private GateResult absolute(Gate g, double c, double b, double[] ci) {
        double diff = c - b;
        if (Double.isNaN(c)) {
            return new GateResult(g, c, b, diff, ci[0], ci[1], Verdict.FAIL,
                    g.metric() + UNDEFINED);
        }
        boolean ok = g.op().holds(c, g.bound());
        String reason = String.format(Locale.ROOT, "%s = %.4f %s %s %.4f", g.metric(), c, ok ? "satisfies" : "violates",
                g.op().symbol(), g.bound());
        return new GateResult(g, c, b, diff, ci[0], ci[1], ok ? Verdict.PASS : Verdict.FAIL, reason);
    }

    private GateResult regression(Gate g, double c, double b, double[] ci, boolean hasBaseline) {
        if (!hasBaseline) {
            return new GateResult(g, c, b, Double.NaN, Double.NaN, Double.NaN, Verdict.SKIPPED,
                    "no baseline given: regression gate not checked");
        }
        double diff = c - b;
        if (Double.isNaN(diff)) {
            return new GateResult(g, c, b, diff, ci[0], ci[1], Verdict.FAIL, g.metric() + UNDEFINED);
        }
        // The interval is of candidate − baseline; a drop's interval is its mirror, a rise's is itself.
        boolean higher = g.metric().kind().higherIsBetter();
        String word = Gate.word(g.metric().kind());
        // + 0.0 turns the -0.0 of a mirrored zero into 0.0, so reports never print "-0.0000".
        double worse = (higher ? -diff : diff) + 0.0;
        double dropLow = (higher ? -ci[1] : ci[0]) + 0.0;
        double dropHigh = (higher ? -ci[0] : ci[1]) + 0.0;
        boolean significant = !g.op().holds(dropLow, g.bound());
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * config.confidence());
        String reason = significant
                ? String.format(Locale.ROOT, "%s %.4f, %s CI [%.4f, %.4f] entirely beyond allowed %.4f: significant "
                        + "regression", word, worse, level, dropLow, dropHigh, g.bound())
                : String.format(Locale.ROOT, "%s %.4f, %s CI [%.4f, %.4f] not entirely beyond allowed %.4f",
                        word, worse, level, dropLow, dropHigh, g.bound());
        return new GateResult(g, c, b, diff, ci[0], ci[1], significant ? Verdict.FAIL : Verdict.PASS, reason);
    }

    /** Percentile interval of candidate − baseline (or of the candidate alone without baseline). */
    private <U extends FrameUnits> double[] interval(MetricId m, ScenarioScorer<U> scorer, U cand, Optional<U> base,
            int[][] samples) {
        // Resamples are independent: score them on all cores, each into its own slot, then filter in
        // resample order, so the interval does not depend on scheduling.
        double[] all = new double[samples.length];
        java.util.stream.IntStream.range(0, samples.length).parallel().forEach(r -> {
            double v = scorer.compute(m, cand, samples[r]);
            if (base.isPresent()) {
                v -= scorer.compute(m, base.get(), samples[r]);
            }
            all[r] = v;
        });
        double[] values = new double[samples.length];
        int k = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                values[k++] = v;
            }
        }
        if (k == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] v = Arrays.copyOf(values, k);
        Arrays.sort(v);
        double alpha = (1 - config.confidence()) / 2;
        return new double[] {percentile(v, alpha), percentile(v, 1 - alpha)};
    }

    /** Linear interpolation between order statistics (numpy's default percentile). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Frame counts of each resample: n draws with replacement from n frames. */
    int[][] resamples(int n) {
        SplittableRandom rnd = new SplittableRandom(config.seed());
        int[][] out = new int[n == 0 ? 0 : config.resamples()][];
        for (int r = 0; r < out.length; r++) {
            int[] w = new int[n];
            for (int i = 0; i < n; i++) {
                w[rnd.nextInt(n)]++;
            }
            out[r] = w;
        }
        return out;
    }
}
