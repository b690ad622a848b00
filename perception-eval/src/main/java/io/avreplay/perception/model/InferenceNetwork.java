package io.avreplay.perception.model;

import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A detector's forward pass: through {@link FoldedConvNet} when the network folds (its weights are
 * copied at construction, so later training of the network does not show), else through DL4J's
 * {@code output}. Used by one thread at a time, like the detectors that hold it.
 */
public final class InferenceNetwork implements ForwardPass {
    private final MultiLayerNetwork net;
    private final Optional<FoldedConvNet> folded;

    /** @param net a network built by {@link CenterNetBuilder} or any other DL4J network (DL4J then runs it) */
    public InferenceNetwork(MultiLayerNetwork net) {
        this(net, FoldedConvNet.of(net));
    }

    private InferenceNetwork(MultiLayerNetwork net, Optional<FoldedConvNet> folded) {
        this.net = net;
        this.folded = folded;
    }

    /**
     * @return a forward pass through DL4J's own {@code output} even when the network folds: the slow
     *         reference the other backends are checked against (shipped models' {@code NAME@dl4j})
     */
    public static InferenceNetwork dl4jOnly(MultiLayerNetwork net) {
        return new InferenceNetwork(net, Optional.empty());
    }

    /** Runs through the folded copy when there is one, else DL4J. */
    @Override
    public float[] outputs(float[] input, int samples, int[] shape) {
        if (folded.isPresent()) {
            return folded.get().outputs(input, samples, shape[0], shape[1], shape[2]);
        }
        try (INDArray in = Nd4j.create(input, new long[] {samples, shape[0], shape[1], shape[2]}, 'c');
                INDArray o = net.output(in, false)) {
            return o.dup('c').data().asFloat();
        }
    }

    @Override
    public String backendName() {
        return folded.isPresent() ? "folded" : "dl4j";
    }

    /** @return the folded copy, when the network folds */
    public Optional<FoldedConvNet> folded() {
        return folded;
    }

    /** @return the DL4J network (for training and tests) */
    public MultiLayerNetwork network() {
        return net;
    }
}
