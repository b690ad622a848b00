package io.avreplay.perception.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.lidar.LidarTargets;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class CenterNetLossTest {
    @Test
    void gradientMatchesFiniteDifferences() {
        // 3 pixels x (2 classes + 2 regression): pixel 0 is a centre of class 0, pixel 1 a Gaussian shoulder
        float[] y = {1f, 0f, 0.5f, -0.3f, 0.6f, 0f, 9f, 9f, 0f, 0f, 9f, 9f};
        float[] x = {0.3f, -1f, 0.2f, 0.1f, 0.5f, -2f, 1f, 1f, -0.7f, 0.4f, 2f, 2f};
        CenterNetLoss loss = new CenterNetLoss(2, 1.0);
        INDArray labels = Nd4j.create(y, new long[] {3, 4}, 'c');
        INDArray grad = loss.computeGradient(labels, Nd4j.create(x, new long[] {3, 4}, 'c'), new ActivationIdentity(),
                null);
        assertMatchesFiniteDifferences(loss, labels, x, grad);
        // regression only at the centre pixel: pixels 1 and 2 carry no regression gradient
        assertEquals(0, grad.getDouble(1, 2));
        assertEquals(0, grad.getDouble(2, 3));
    }

    @Test
    void denseRegressionWeighsPixelsByTheirHeatmapTarget() {
        // Pixel 0: centre (heat 1); pixel 1: heat 0.6; pixel 2: heat 0.05, below the 0.1 minimum. All three
        // regression predictions are off by +1, so the L1 gradient is +weight / (sum of weights = 1.6).
        float[] y = {1f, 0f, 0.5f, -0.3f, 0.6f, 0f, 0.2f, 0.1f, 0.05f, 0f, 9f, 9f};
        float[] x = {0.3f, -1f, 1.5f, 0.7f, 0.5f, -2f, 1.2f, 1.1f, -0.7f, 0.4f, 10f, 10f};
        CenterNetLoss dense = new CenterNetLoss(2, 1.0, 0.1);
        INDArray labels = Nd4j.create(y, new long[] {3, 4}, 'c');
        INDArray grad = dense.computeGradient(labels, Nd4j.create(x, new long[] {3, 4}, 'c'), new ActivationIdentity(),
                null);
        assertEquals(1 / 1.6, grad.getDouble(0, 2), 1e-6);
        assertEquals(0.6 / 1.6, grad.getDouble(1, 3), 1e-6);
        assertEquals(0, grad.getDouble(2, 2));
        assertMatchesFiniteDifferences(dense, labels, x, grad);
        // A minimum of 1 is the centre-only loss, value and gradient.
        CenterNetLoss centre = new CenterNetLoss(2, 1.0);
        CenterNetLoss one = new CenterNetLoss(2, 1.0, 1.0);
        assertEquals(score(centre, labels, x), score(one, labels, x), 1e-9);
        assertEquals(centre.computeGradient(labels, Nd4j.create(x, new long[] {3, 4}, 'c'), new ActivationIdentity(), null),
                one.computeGradient(labels, Nd4j.create(x, new long[] {3, 4}, 'c'), new ActivationIdentity(), null));
    }

    /** Central differences of the score, step 1e-3, against the analytic gradient ([3, 4] arrays). */
    private static void assertMatchesFiniteDifferences(CenterNetLoss loss, INDArray labels, float[] x, INDArray grad) {
        for (int i = 0; i < x.length; i++) {
            float[] xp = x.clone();
            float[] xm = x.clone();
            xp[i] += 1e-3f;
            xm[i] -= 1e-3f;
            double num = (score(loss, labels, xp) - score(loss, labels, xm)) / 2e-3;
            assertEquals(num, grad.getDouble(i / 4, i % 4), 2e-3, "d loss / d x[" + i + "]");
        }
    }

    private static double score(CenterNetLoss loss, INDArray labels, float[] x) {
        return loss.computeScore(labels, Nd4j.create(x, new long[] {3, 4}, 'c'), new ActivationIdentity(), null, false);
    }

    @Test
    void aFewStepsOnOneExampleReduceTheLoss() {
        MultiLayerNetwork net = ModelFilesTest.tinyNet(2);
        INDArray x = Nd4j.rand(new int[] {2, 4, 32, 32});
        INDArray y = Nd4j.zeros(2, 2 + LidarTargets.REGRESSION, 16, 16);
        y.putScalar(new int[] {0, 0, 4, 4}, 1.0);
        y.putScalar(new int[] {0, 2, 4, 4}, 0.5);
        y.putScalar(new int[] {1, 1, 9, 12}, 1.0);
        DataSet ds = new DataSet(x, y);
        net.fit(ds);
        double first = net.score();
        for (int i = 0; i < 15; i++) {
            net.fit(ds);
        }
        assertTrue(net.score() < 0.7 * first, "loss " + first + " -> " + net.score());
    }
}
