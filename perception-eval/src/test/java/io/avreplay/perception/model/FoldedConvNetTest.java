package io.avreplay.perception.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.lidar.LidarDetector;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The folded im2col + SGEMM path gives DL4J's outputs. */
class FoldedConvNetTest {
    /** Largest |folded − DL4J| relative to the output's largest magnitude. */
    private static double relativeError(MultiLayerNetwork net, int c, int h, int w, long seed) {
        return relativeError(net, c, h, w, seed, false);
    }

    /** @param sparse inputs like BEV features: 90 % zeros, the rest in [0, 1) */
    private static double relativeError(MultiLayerNetwork net, int c, int h, int w, long seed, boolean sparse) {
        FoldedConvNet folded = FoldedConvNet.of(net).orElseThrow();
        Random rnd = new Random(seed);
        float[] x = new float[c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = sparse ? (rnd.nextInt(10) == 0 ? rnd.nextFloat() : 0f) : (float) rnd.nextGaussian();
        }
        float[] expected;
        try (INDArray in = Nd4j.create(x, new long[] {1, c, h, w}, 'c'); INDArray o = net.output(in, false)) {
            expected = o.dup('c').data().asFloat();
            assertArrayEquals(new long[] {1, folded.outputShape(h, w)[0], folded.outputShape(h, w)[1],
                folded.outputShape(h, w)[2]}, o.shape());
        }
        return OutputError.relative(expected, folded.output(x, 0, c, h, w));
    }

    @Test
    void matchesDl4jWithBatchNormStridesDilationsAndOddSizes() {
        // Train a few steps so the batch-norm statistics and scales are not the identity.
        List<ConvSpec> backbone = List.of(ConvSpec.parse("k3s2d1c8"), ConvSpec.parse("k3s1d2c12"),
                ConvSpec.parse("k3s2d3c8"), ConvSpec.parse("k3s1d1c8"));
        for (boolean batchNorm : new boolean[] {true, false}) {
            MultiLayerNetwork net = CenterNetBuilder.build(5, 37, 29, backbone, 3, 4, batchNorm, 11, 1e-2);
            INDArray x = Nd4j.rand(new int[] {2, 5, 37, 29});
            INDArray y = Nd4j.zeros(2, 7, 10, 8);
            y.putScalar(new int[] {0, 0, 3, 3}, 1.0);
            y.putScalar(new int[] {1, 2, 6, 1}, 1.0);
            for (int i = 0; i < 5; i++) {
                net.fit(new DataSet(x, y));
            }
            for (int[] size : new int[][] {{37, 29}, {16, 16}, {9, 31}}) {
                double err = relativeError(net, 5, size[0], size[1], size[0] * 31L + size[1]);
                assertTrue(err < 1e-4, "batch norm " + batchNorm + ", " + size[0] + "x" + size[1] + ": relative error " + err);
            }
        }
    }

    @Test
    void networksWithOtherLayersAreLeftToDl4j() {
        // A pooling layer, and a deconvolution (a ConvolutionLayer subclass with other arithmetic). Every
        // other layer is foldable (identity activations), so only the layer under test can refuse.
        for (var layer : List.of(
                new org.deeplearning4j.nn.conf.layers.SubsamplingLayer.Builder(2, 2).stride(2, 2).build(),
                new org.deeplearning4j.nn.conf.layers.Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(4)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY)
                        .convolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Same).build())) {
            MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                    .convolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Same)
                    .activation(org.nd4j.linalg.activations.Activation.IDENTITY).list()
                    .layer(new org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder(3, 3).nOut(4).build())
                    .layer(layer)
                    .layer(new org.deeplearning4j.nn.conf.layers.CnnLossLayer.Builder().build())
                    .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(8, 8, 2)).build());
            net.init();
            assertTrue(FoldedConvNet.of(net).isEmpty(), layer.getClass().getSimpleName());
        }
        // The same network without the layer under test folds (the test above is not vacuous).
        MultiLayerNetwork plain = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .convolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Same)
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).list()
                .layer(new org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new org.deeplearning4j.nn.conf.layers.CnnLossLayer.Builder().build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(8, 8, 2)).build());
        plain.init();
        assertTrue(FoldedConvNet.of(plain).isPresent());
    }

    @Test
    void matchesDl4jOnTheShippedModels() {
        try (Detector lidar = Detectors.loadResource(Detectors.DEFAULT_LIDAR); Detector camera = Detectors.loadResource(Detectors.DEFAULT_CAMERA)) {
            for (Detector d : List.of(lidar, camera)) {
                MultiLayerNetwork net = ((InferenceNetwork) (d instanceof LidarDetector l ? l.inference()
                        : ((CameraDetector) d).inference())).network();
                int[] s = d.card().inputShape();
                // Gaussian inputs and, for the lidar, sparse BEV-like ones, whose small variances make
                // batch norm's eps matter.
                double err = Math.max(relativeError(net, s[0], s[1], s[2], 5),
                        relativeError(net, s[0], s[1], s[2], 6, true));
                assertTrue(err < 1e-4, d.card().name() + ": relative error " + err);
            }
        }
    }
}
