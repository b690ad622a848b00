package io.avreplay.eval.av2;

import io.avreplay.eval.numpy.Numpy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * av2's {@code summarize_metrics} and {@code compute_average_precision}: per category, the evaluated
 * detections of all sweeps ranked by score (stable), VOC-interpolated precision sampled at
 * {@code num_recall_samples} recalls with {@code np.interp}, the mean TP errors at the middle threshold, and
 * CDS. Pure functions; thread-safe.
 */
final class Av2Summary {
    /** av2's {@code EPS}: {@code sys.float_info.epsilon}. */
    private static final double EPS = Math.ulp(1.0);

    private Av2Summary() {
    }

    /** @return {the row, then the AP of each threshold} of one category */
    static Av2Scores category(Av2Config cfg, List<Av2MetricData.Detection> detections, int numGts, double[] apsOut) {
        double[] norms = {cfg.tpThresholdM(), 1.0, Math.PI};
        if (numGts == 0) {
            return new Av2Scores(0.0, norms[0], norms[1], norms[2], 0.0);
        }
        List<Av2MetricData.Detection> ranked = new ArrayList<>(detections);
        ranked.sort(Comparator.comparingDouble((Av2MetricData.Detection d) -> -d.score()));
        int t = cfg.affinityThresholdsM().size();
        double[] recallInterp = Numpy.linspace(0, 1, cfg.numRecallSamples());
        for (int k = 0; k < t; k++) {
            apsOut[k] = ranked.isEmpty() ? 0.0 : averagePrecision(ranked, k, recallInterp, numGts);
        }
        double map = Numpy.mean(apsOut);
        int middle = t / 2;
        int tps = 0;
        for (Av2MetricData.Detection d : ranked) {
            tps += d.truePositive()[middle] ? 1 : 0;
        }
        double[] errors = norms.clone();
        if (tps > 0) {
            double[][] cols = new double[3][tps];
            int i = 0;
            for (Av2MetricData.Detection d : ranked) {
                if (d.truePositive()[middle]) {
                    cols[0][i] = d.ateM();
                    cols[1][i] = d.ase();
                    cols[2][i++] = d.aoeRad();
                }
            }
            for (int c = 0; c < 3; c++) {
                errors[c] = Numpy.mean(cols[c]);
            }
        }
        double[] scores = new double[3];
        for (int c = 0; c < 3; c++) {
            scores[c] = 1 - errors[c] / norms[c];
        }
        return new Av2Scores(map, errors[0], errors[1], errors[2], map * Numpy.mean(scores));
    }

    private static double averagePrecision(List<Av2MetricData.Detection> ranked, int k, double[] recallInterp,
            int numGts) {
        int n = ranked.size();
        double[] precision = new double[n];
        double[] recall = new double[n];
        long cumTp = 0;
        long cumFp = 0;
        for (int i = 0; i < n; i++) {
            if (ranked.get(i).truePositive()[k]) {
                cumTp++;
            } else {
                cumFp++;
            }
            precision[i] = cumTp / ((double) (cumTp + cumFp) + EPS);
            recall[i] = cumTp / (double) numGts;
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        return Numpy.mean(Numpy.interp(recallInterp, recall, precision, 0));
    }

    /** @return the mean row: each column's NumPy mean over the categories */
    static Av2Scores average(List<Av2Scores> rows) {
        double[][] cols = new double[5][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 5; c++) {
                cols[c][i] = rows.get(i).get(Av2Scores.COLUMNS.get(c));
            }
        }
        return new Av2Scores(Numpy.mean(cols[0]), Numpy.mean(cols[1]), Numpy.mean(cols[2]), Numpy.mean(cols[3]),
                Numpy.mean(cols[4]));
    }
}
