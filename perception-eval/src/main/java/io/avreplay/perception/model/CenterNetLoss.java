package io.avreplay.perception.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * CenterNet loss on a per-pixel 2D view ({@code [pixels, channels]}, as {@code CnnLossLayer} passes
 * it): the first {@code numClasses} columns are heatmap logits trained with the penalty-reduced focal
 * loss (α = 2, β = 4) against Gaussian targets, normalised by the number of centres (pixels whose
 * heatmap target is 1 in some class); the remaining columns are regressions trained with L1 at the pixels
 * whose largest heatmap target reaches {@code regressionMinHeat}, each weighted by that target and the
 * sum normalised by the sum of the weights. With the default {@code regressionMinHeat} of 1 that is the
 * centre pixels alone, as in CenterNet; below 1 the target encoder must write regression targets at every
 * pixel whose heatmap reaches it (dense regression, as in TTFNet, which trains localisation on more
 * pixels per object). The mask argument is ignored. Works on host copies of the arrays: the tensors
 * are small (batch × output cells × channels).
 *
 * <p>Serialised into the model zip by DL4J's Jackson; hence the no-argument constructor and setters.
 */
public final class CenterNetLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private static final float EPS = 1e-4f;

    private int numClasses;
    private double regressionWeight = 1.0;
    private double regressionMinHeat = 1.0;

    /** For Jackson. */
    public CenterNetLoss() {
    }

    /** @param numClasses heatmap channels, the first columns */
    public CenterNetLoss(int numClasses, double regressionWeight) {
        this.numClasses = numClasses;
        this.regressionWeight = regressionWeight;
    }

    public int getNumClasses() {
        return numClasses;
    }

    public void setNumClasses(int numClasses) {
        this.numClasses = numClasses;
    }

    /**
     * @param numClasses        heatmap channels, the first columns
     * @param regressionMinHeat regress where the largest heatmap target is at least this, in (0, 1]
     */
    public CenterNetLoss(int numClasses, double regressionWeight, double regressionMinHeat) {
        this(numClasses, regressionWeight);
        setRegressionMinHeat(regressionMinHeat);
    }

    public double getRegressionMinHeat() {
        return regressionMinHeat;
    }

    public void setRegressionMinHeat(double regressionMinHeat) {
        if (!(regressionMinHeat > 0 && regressionMinHeat <= 1)) {
            throw new IllegalArgumentException("regressionMinHeat must be in (0, 1], got " + regressionMinHeat);
        }
        this.regressionMinHeat = regressionMinHeat;
    }

    public double getRegressionWeight() {
        return regressionWeight;
    }

    public void setRegressionWeight(double regressionWeight) {
        this.regressionWeight = regressionWeight;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
            boolean average) {
        return evaluate(labels, preOutput, null, null);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        float[] rowScores = new float[(int) preOutput.size(0)];
        evaluate(labels, preOutput, null, rowScores);
        return Nd4j.create(rowScores, new long[] {rowScores.length, 1}, 'c').castTo(preOutput.dataType());
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return computeGradientAndScore(labels, preOutput, activationFn, mask, true).getSecond();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
            IActivation activationFn, INDArray mask, boolean average) {
        long[] shape = preOutput.shape();
        float[] grad = new float[(int) (shape[0] * shape[1])];
        double score = evaluate(labels, preOutput, grad, null);
        INDArray g = Nd4j.create(grad, shape, 'c').castTo(preOutput.dataType());
        INDArray dLdz = activationFn.backprop(preOutput.dup(), g).getFirst();
        return new Pair<>(score, dLdz);
    }

    /** Computes the loss, filling {@code grad} (dL/d logit) and {@code rowScores} when given. */
    private double evaluate(INDArray labels, INDArray preOutput, float[] grad, float[] rowScores) {
        int n = (int) preOutput.size(0);
        int c = (int) preOutput.size(1);
        if (labels.size(1) != c) {
            throw new IllegalArgumentException("CenterNetLoss: labels have " + labels.size(1)
                    + " channels, output has " + c);
        }
        float[] x = preOutput.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] y = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int centres = 0;
        double weights = 0;
        for (int i = 0; i < n; i++) {
            float h = maxHeat(y, i * c);
            if (h >= 1f - 1e-6f) {
                centres++;
            }
            weights += regressionWeightAt(h);
        }
        float norm = 1f / Math.max(1, centres);
        float regNorm = (float) (1 / Math.max(1, weights));
        double total = 0;
        for (int i = 0; i < n; i++) {
            int row = i * c;
            double rowLoss = 0;
            for (int k = 0; k < numClasses; k++) {
                rowLoss += focal(x[row + k], y[row + k], grad, row + k, norm);
            }
            double w = regressionWeightAt(maxHeat(y, row));
            if (w > 0) {
                for (int k = numClasses; k < c; k++) {
                    float d = x[row + k] - y[row + k];
                    rowLoss += regressionWeight * w * Math.abs(d) * regNorm;
                    if (grad != null) {
                        grad[row + k] = (float) (regressionWeight * w * Math.signum(d) * regNorm);
                    }
                }
            }
            if (rowScores != null) {
                rowScores[i] = (float) rowLoss;
            }
            total += rowLoss;
        }
        return total;
    }

    /** @return the regression weight of a pixel whose largest heatmap target is {@code h}: h, or 0 below the minimum */
    private double regressionWeightAt(float h) {
        if (regressionMinHeat >= 1) {
            return h >= 1f - 1e-6f ? 1 : 0;
        }
        return h >= regressionMinHeat ? h : 0;
    }

    private float maxHeat(float[] y, int row) {
        float m = 0;
        for (int k = 0; k < numClasses; k++) {
            m = Math.max(m, y[row + k]);
        }
        return m;
    }

    /** Penalty-reduced focal loss of one logit; writes dL/dlogit into grad[at]. */
    private static double focal(float logit, float target, float[] grad, int at, float norm) {
        float p = (float) (1 / (1 + Math.exp(-logit)));
        p = Math.max(EPS, Math.min(1 - EPS, p));
        double loss;
        double g;
        if (target >= 1f - 1e-6f) {
            double q = 1 - p;
            loss = -q * q * Math.log(p);
            g = q * q * (2 * p * Math.log(p) - q);
        } else {
            double w = Math.pow(1 - target, 4);
            loss = -w * p * p * Math.log(1 - p);
            g = w * p * p * (p - 2 * (1 - p) * Math.log(1 - p));
        }
        if (grad != null) {
            grad[at] = (float) (g * norm);
        }
        return loss * norm;
    }

    @Override
    public String name() {
        return "CenterNetLoss(classes=" + numClasses + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
