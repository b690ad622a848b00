package io.avreplay.perception.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the single-path CenterNet networks used by both detectors: a backbone of {@link ConvSpec}
 * convolutions (each conv → batch norm → ReLU, "same" padding), a 1×1 head with
 * {@code numClasses + regression} channels (batch norm optional: it costs memory passes at inference), and a {@code CnnLossLayer} with {@link CenterNetLoss}.
 * Heatmap biases start at −2.19 (prior 0.1) as in CenterNet so the focal loss starts stable.
 */
public final class CenterNetBuilder {
    private static final double HEATMAP_PRIOR_BIAS = -2.19;

    private CenterNetBuilder() {
    }

    /**
     * @param inputChannels input channels
     * @param rows          input rows
     * @param cols          input columns
     * @return an initialised network
     */
    public static MultiLayerNetwork build(int inputChannels, int rows, int cols, List<ConvSpec> backbone,
            int numClasses, int regression, boolean batchNorm, long seed, double learningRate) {
        return build(inputChannels, rows, cols, backbone, numClasses, regression, batchNorm, seed, learningRate, 1.0);
    }

    /**
     * As {@link #build(int, int, int, List, int, int, boolean, long, double)}, with the loss regressing
     * wherever the largest heatmap target reaches {@code regressionMinHeat} (see {@link CenterNetLoss}).
     */
    public static MultiLayerNetwork build(int inputChannels, int rows, int cols, List<ConvSpec> backbone,
            int numClasses, int regression, boolean batchNorm, long seed, double learningRate,
            double regressionMinHeat) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        int in = inputChannels;
        for (ConvSpec s : backbone) {
            b.layer(new ConvolutionLayer.Builder(s.kernel(), s.kernel()).stride(s.stride(), s.stride())
                    .dilation(s.dilation(), s.dilation()).nIn(in).nOut(s.channels())
                    .activation(batchNorm ? Activation.IDENTITY : Activation.RELU).hasBias(!batchNorm).build());
            if (batchNorm) {
                b.layer(new BatchNormalization.Builder().nOut(s.channels()).build());
                b.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            }
            in = s.channels();
        }
        b.layer(new ConvolutionLayer.Builder(1, 1).nIn(in).nOut(numClasses + regression)
                .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build());
        b.layer(new CnnLossLayer.Builder().lossFunction(new CenterNetLoss(numClasses, 1.0, regressionMinHeat))
                .activation(Activation.IDENTITY).build());
        b.setInputType(InputType.convolutional(rows, cols, inputChannels));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        INDArray bias = net.getLayer(net.getnLayers() - 2).getParam("b");
        for (int k = 0; k < numClasses; k++) {
            bias.putScalar(k, HEATMAP_PRIOR_BIAS);
        }
        return net;
    }

    /** @return the output stride: product of the backbone strides */
    public static int stride(List<ConvSpec> backbone) {
        int s = 1;
        for (ConvSpec c : backbone) {
            s *= c.stride();
        }
        return s;
    }

    /** @return FLOPs (2 × multiply-adds) of one forward pass of the convolutions, batch norm and ReLU ignored */
    public static long flops(int inputChannels, int rows, int cols, List<ConvSpec> backbone, int headChannels) {
        long total = 0;
        int in = inputChannels;
        int r = rows;
        int c = cols;
        for (ConvSpec s : backbone) {
            r = (r + s.stride() - 1) / s.stride();
            c = (c + s.stride() - 1) / s.stride();
            total += 2L * s.kernel() * s.kernel() * in * s.channels() * r * c;
            in = s.channels();
        }
        return total + 2L * in * headChannels * r * c;
    }
}
