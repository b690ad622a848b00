package io.avreplay.perception.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An inference-only copy of a network built by {@link CenterNetBuilder}: batch normalisation folded into
 * the convolution before it, each convolution run as an explicit im2col (in Java) and one SGEMM (ND4J's
 * BLAS), bias and ReLU added in the same pass. DL4J's own convolution path spends most of its time outside
 * the matrix product on these small layers (measured: the camera net at 4.7 GFLOP/s against 88 for an
 * SGEMM of the same FLOPs, docs/BENCHMARKS-perception.md). Outputs equal DL4J's up to float rounding
 * (tested). Weights are copied at construction, so the network may change afterwards; thread-safe.
 */
public final class FoldedConvNet {
    /** One convolution with its folded batch norm and activation. Weights {@code [out][in][k][k]}. */
    private record Conv(int in, int out, int kernel, int stride, int dilation, INDArray weights, float[] bias,
            boolean relu) {
    }

    private final List<Conv> convs;

    private FoldedConvNet(List<Conv> convs) {
        this.convs = List.copyOf(convs);
    }

    /**
     * @return the folded form, or empty when the network has a layer other than convolutions in
     *         {@code Same} mode with identity or ReLU activation, batch norm, ReLU activation layers and
     *         a final loss layer with identity activation
     */
    public static Optional<FoldedConvNet> of(MultiLayerNetwork net) {
        List<Conv> convs = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            // Exact classes: deconvolution, separable, depthwise and 1D/3D convolutions subclass ConvolutionLayer.
            if (conf.getClass() == org.deeplearning4j.nn.conf.layers.ConvolutionLayer.class) {
                var c = (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) conf;
                Optional<Conv> conv = conv(c, layers[i].paramTable());
                if (conv.isEmpty()) {
                    return Optional.empty();
                }
                convs.add(conv.get());
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization bn) {
                if (convs.isEmpty() || convs.get(convs.size() - 1).relu()
                        || bn.getCnn2DFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW) {
                    return Optional.empty();
                }
                convs.set(convs.size() - 1, fold(convs.get(convs.size() - 1), bn, layers[i].paramTable()));
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
                if (!(a.getActivationFn() instanceof ActivationReLU) || convs.isEmpty()
                        || convs.get(convs.size() - 1).relu()) {
                    return Optional.empty();
                }
                Conv last = convs.get(convs.size() - 1);
                convs.set(convs.size() - 1, new Conv(last.in(), last.out(), last.kernel(), last.stride(),
                        last.dilation(), last.weights(), last.bias(), true));
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.CnnLossLayer loss) {
                if (i != layers.length - 1 || !(loss.getActivationFn() instanceof ActivationIdentity)) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        return convs.isEmpty() ? Optional.empty() : Optional.of(new FoldedConvNet(convs));
    }

    private static Optional<Conv> conv(org.deeplearning4j.nn.conf.layers.ConvolutionLayer c,
            Map<String, INDArray> params) {
        int[] k = c.getKernelSize();
        int[] s = c.getStride();
        int[] d = c.getDilation();
        IActivation act = c.getActivationFn();
        boolean relu = act instanceof ActivationReLU;
        if (k[0] != k[1] || s[0] != s[1] || d[0] != d[1] || c.getConvolutionMode() != ConvolutionMode.Same
                || c.getCnn2dDataFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW
                || !(relu || act instanceof ActivationIdentity)) {
            return Optional.empty();
        }
        INDArray w = params.get("W");
        int out = (int) c.getNOut();
        int in = (int) c.getNIn();
        INDArray weights = w.castTo(DataType.FLOAT).reshape('c', out, (long) in * k[0] * k[0]).dup('c');
        float[] bias = new float[out];
        INDArray b = params.get("b");
        if (b != null) {
            float[] bv = b.castTo(DataType.FLOAT).dup('c').data().asFloat();
            System.arraycopy(bv, 0, bias, 0, out);
        }
        return Optional.of(new Conv(in, out, k[0], s[0], d[0], weights, bias, relu));
    }

    /**
     * Folds {@code y = gamma (x - mean) / sqrt(var + eps) + beta} into the convolution's weights and bias.
     * DL4J keeps either {@code var} or {@code log10stdev}, the log10 of the running standard deviation
     * without eps (eps is added at inference, as here: without it the lidar model's outputs were off by 0.02).
     */
    private static Conv fold(Conv c, org.deeplearning4j.nn.conf.layers.BatchNormalization bn,
            Map<String, INDArray> params) {
        float[] gamma = floats(params.get("gamma"), c.out(), 1f);
        float[] beta = floats(params.get("beta"), c.out(), 0f);
        float[] mean = floats(params.get("mean"), c.out(), 0f);
        float[] std = new float[c.out()];
        if (params.containsKey("log10stdev")) {
            float[] l = floats(params.get("log10stdev"), c.out(), 0f);
            for (int i = 0; i < std.length; i++) {
                double sd = Math.pow(10, l[i]);
                std[i] = (float) Math.sqrt(sd * sd + bn.getEps());
            }
        } else {
            float[] var = floats(params.get("var"), c.out(), 1f);
            for (int i = 0; i < std.length; i++) {
                std[i] = (float) Math.sqrt(var[i] + bn.getEps());
            }
        }
        float[] w = c.weights().data().asFloat();
        int per = w.length / c.out();
        float[] bias = new float[c.out()];
        for (int o = 0; o < c.out(); o++) {
            float scale = gamma[o] / std[o];
            for (int j = 0; j < per; j++) {
                w[o * per + j] *= scale;
            }
            bias[o] = (c.bias()[o] - mean[o]) * scale + beta[o];
        }
        INDArray folded = Nd4j.create(w, new long[] {c.out(), per}, 'c');
        return new Conv(c.in(), c.out(), c.kernel(), c.stride(), c.dilation(), folded, bias, c.relu());
    }

    private static float[] floats(INDArray a, int n, float absent) {
        float[] out = new float[n];
        if (a == null) {
            java.util.Arrays.fill(out, absent);
            return out;
        }
        float[] v = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        System.arraycopy(v, 0, out, 0, n);
        return out;
    }

    /**
     * One folded convolution as plain numbers, for exporters: weights {@code [out][in][kernel][kernel]} flat,
     * batch norm already folded into weights and bias, "same" padding (DL4J's: the smaller half before),
     * then ReLU when {@code relu}.
     *
     * @param in       input channels
     * @param out      output channels
     * @param kernel   square kernel side
     * @param stride   stride
     * @param dilation dilation
     * @param weights  {@code out × in × kernel × kernel} floats, row-major
     * @param bias     {@code out} floats
     * @param relu     whether ReLU follows
     */
    public record FoldedLayer(int in, int out, int kernel, int stride, int dilation, float[] weights, float[] bias,
            boolean relu) {
        /** @throws IllegalArgumentException when the weights or bias do not have the stated sizes */
        public FoldedLayer {
            if (weights.length != out * in * kernel * kernel || bias.length != out) {
                throw new IllegalArgumentException("layer weights must hold " + out * in * kernel * kernel
                        + " floats and bias " + out + ", got " + weights.length + " and " + bias.length);
            }
        }
    }

    /** @return copies of the folded layers, input to output */
    public List<FoldedLayer> layers() {
        return convs.stream().map(c -> new FoldedLayer(c.in(), c.out(), c.kernel(), c.stride(), c.dilation(),
                c.weights().dup('c').data().asFloat(), c.bias().clone(), c.relu())).toList();
    }

    /**
     * @return {top, left, bottom, right} zero padding of DL4J's {@code Same} mode for a layer of kernel
     *         {@code kernel}, stride and dilation on an {@code rows × cols} input: total
     *         {@code (out - 1) × stride + effective kernel - in}, the smaller half before
     */
    public static int[] samePadding(int kernel, int stride, int dilation, int rows, int cols) {
        int eff = (kernel - 1) * dilation + 1;
        int totalH = Math.max(0, (ceilDiv(rows, stride) - 1) * stride + eff - rows);
        int totalW = Math.max(0, (ceilDiv(cols, stride) - 1) * stride + eff - cols);
        return new int[] {totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2};
    }

    /** @return {channels, rows, cols} of the output for an input of {@code rows × cols} */
    public int[] outputShape(int rows, int cols) {
        int h = rows;
        int w = cols;
        for (Conv c : convs) {
            h = ceilDiv(h, c.stride());
            w = ceilDiv(w, c.stride());
        }
        return new int[] {convs.get(convs.size() - 1).out(), h, w};
    }

    /**
     * Runs {@code samples} samples one after the other (batching does not speed these layers up).
     *
     * @param input {@code samples} channel-major inputs, back to back
     * @return the outputs, back to back, as DL4J's {@code output} would give for the batch
     */
    public float[] outputs(float[] input, int samples, int channels, int rows, int cols) {
        int[] os = outputShape(rows, cols);
        int per = os[0] * os[1] * os[2];
        float[] out = new float[per * samples];
        for (int j = 0; j < samples; j++) {
            System.arraycopy(output(input, j * channels * rows * cols, channels, rows, cols), 0, out, j * per, per);
        }
        return out;
    }

    /**
     * Runs one sample.
     *
     * @param input  channel-major {@code [channels][rows][cols]} floats from {@code offset}
     * @return the output, channel-major, as DL4J's {@code output} would give for this sample
     */
    public float[] output(float[] input, int offset, int channels, int rows, int cols) {
        if (channels != convs.get(0).in()) {
            throw new IllegalArgumentException("input has " + channels + " channels, the network takes "
                    + convs.get(0).in());
        }
        float[] x = input;
        int xOff = offset;
        int h = rows;
        int w = cols;
        for (Conv c : convs) {
            int oh = ceilDiv(h, c.stride());
            int ow = ceilDiv(w, c.stride());
            int n = oh * ow;
            int k = c.in() * c.kernel() * c.kernel();
            float[] cols2 = c.kernel() == 1 && c.stride() == 1 && xOff == 0 && x.length == k * n ? x
                    : im2col(x, xOff, c, h, w, oh, ow);
            float[] y;
            try (INDArray b = Nd4j.create(cols2, new long[] {k, n}, 'c');
                    INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] {c.out(), n}, 'c')) {
                Nd4j.gemm(c.weights(), b, out, false, false, 1.0, 0.0);
                y = out.data().asFloat();
            }
            for (int o = 0; o < c.out(); o++) {
                float bias = c.bias()[o];
                int base = o * n;
                for (int p = 0; p < n; p++) {
                    float v = y[base + p] + bias;
                    y[base + p] = c.relu() && v < 0 ? 0 : v;
                }
            }
            x = y;
            xOff = 0;
            h = oh;
            w = ow;
        }
        return x;
    }

    /**
     * {@code [in × k × k][oh × ow]} patches with DL4J's {@code Same} padding: total padding
     * {@code (out - 1) × stride + effective kernel - in}, the smaller half before.
     */
    private static float[] im2col(float[] x, int off, Conv c, int h, int w, int oh, int ow) {
        int k = c.kernel();
        int s = c.stride();
        int d = c.dilation();
        int[] pad = samePadding(k, s, d, h, w);
        int padTop = pad[0];
        int padLeft = pad[1];
        int n = oh * ow;
        float[] cols = new float[c.in() * k * k * n];
        for (int ci = 0; ci < c.in(); ci++) {
            int plane = off + ci * h * w;
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = ((ci * k + ky) * k + kx) * n;
                    int dx = kx * d - padLeft;
                    // Output columns whose input column is inside the image: ox in [oxFrom, oxTo).
                    int oxFrom = Math.max(0, ceilDiv(-dx, s));
                    int oxTo = Math.min(ow, ceilDiv(w - dx, s));
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * s + ky * d - padTop;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int src = plane + iy * w + dx;
                        int dst = row + oy * ow;
                        if (s == 1) {
                            System.arraycopy(x, src + oxFrom, cols, dst + oxFrom, oxTo - oxFrom);
                        } else {
                            for (int ox = oxFrom; ox < oxTo; ox++) {
                                cols[dst + ox] = x[src + ox * s];
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }

    /** Ceiling of a / b for b > 0 and any sign of a. */
    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
