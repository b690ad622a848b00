package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of one quantity of the matched pairs a filter selects (placed by their ground truth, counted,
 * error known), kept as exact samples sorted by value with their frame, so statistics of any weighted
 * multiset of frames are exact (merging data of several logs merges the samples). Undefined statistics
 * (no sample) are NaN. Immutable, thread-safe.
 */
public final class ErrorSamples {
    private final double[] values;
    private final int[] frameOf;

    private ErrorSamples(double[] values, int[] frameOf) {
        this.values = values;
        this.frameOf = frameOf;
    }

    /** Collects the samples of one quantity. */
    public static ErrorSamples of(List<MatchedFrame> frames, ObjectFilter filter, ErrorQuantity q) {
        record S(double v, int f) { }
        List<S> s = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            for (ObjectRow g : frames.get(f).truth()) {
                if (g.matched() && Placement.truth(g, filter) == Placement.COUNTED && !Double.isNaN(g.error(q))) {
                    s.add(new S(g.error(q), f));
                }
            }
        }
        s.sort((a, b) -> Double.compare(a.v(), b.v()));
        double[] v = new double[s.size()];
        int[] fr = new int[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.get(i).v();
            fr[i] = s.get(i).f();
        }
        return new ErrorSamples(v, fr);
    }

    /** @return the number of samples, weighted */
    public long count(int[] weights) {
        long n = 0;
        for (int f : frameOf) {
            n += weights[f];
        }
        return n;
    }

    /** @return the statistic over the weighted samples; NaN without samples */
    public double statistic(Statistic stat, int[] weights) {
        long n = count(weights);
        if (n == 0) {
            return Double.NaN;
        }
        return switch (stat) {
            case MEAN -> moment(weights, 1) / n;
            case RMS -> Math.sqrt(moment(weights, 2) / n);
            case STD -> {
                double mean = moment(weights, 1) / n;
                yield Math.sqrt(Math.max(moment(weights, 2) / n - mean * mean, 0));
            }
            case MAX -> {
                int i = values.length - 1;
                while (weights[frameOf[i]] == 0) {
                    i--;
                }
                yield values[i];
            }
            default -> quantile(stat.quantile(), n, weights);
        };
    }

    private double moment(int[] weights, int power) {
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += weights[frameOf[i]] * (power == 1 ? values[i] : values[i] * values[i]);
        }
        return s;
    }

    /** Linear interpolation between the order statistics of the replicated samples (NumPy's default). */
    private double quantile(double q, long n, int[] weights) {
        double pos = q * (n - 1);
        long lo = (long) Math.floor(pos);
        double a = ranked(lo, weights);
        double b = lo + 1 < n ? ranked(lo + 1, weights) : a;
        return a + (pos - lo) * (b - a);
    }

    /** @return the value of 0-based rank {@code r} in the replicated multiset */
    private double ranked(long r, int[] weights) {
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += weights[frameOf[i]];
            if (seen > r) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
