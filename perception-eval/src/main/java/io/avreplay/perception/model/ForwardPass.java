package io.avreplay.perception.model;

/**
 * One network's forward pass, whatever runs it (DL4J, {@link FoldedConvNet}, ONNX Runtime): channel-major
 * float inputs in, channel-major float outputs (the CenterNet heads) out. The detectors turn the outputs
 * into detection records, so every backend shares one decoder per task. Used by one thread at a time;
 * may hold native resources until closed.
 */
public interface ForwardPass extends AutoCloseable {
    /**
     * @param input   {@code samples} channel-major inputs of {@code shape = {channels, rows, cols}}, back to back
     * @param samples number of inputs
     * @param shape   {channels, rows, cols} of one input
     * @return the outputs, channel-major, back to back
     */
    float[] outputs(float[] input, int samples, int[] shape);

    /** @return what runs the pass, for reports: {@code dl4j}, {@code folded}, {@code onnxruntime-cpu}, ... */
    String backendName();

    /** Releases native resources; the default holds none. */
    @Override
    default void close() {
    }
}
