package io.avreplay.perception.onnx;

/**
 * How ONNX Runtime sessions are created.
 *
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose (one per core)
 * @param interOpThreads threads across operators; 0 lets ONNX Runtime choose
 * @param cuda           use the CUDA execution provider when the loaded ONNX Runtime offers it (the
 *                       {@code onnxruntime_gpu} artifact on a machine with a GPU); otherwise the CPU provider
 */
public record OnnxOptions(int intraOpThreads, int interOpThreads, boolean cuda) {
    /** @throws IllegalArgumentException when a thread count is negative */
    public OnnxOptions {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("ONNX Runtime thread counts must be >= 0, got intra " + intraOpThreads
                    + " inter " + interOpThreads);
        }
    }

    /** @return ONNX Runtime's own thread choice, CUDA when available */
    public static OnnxOptions defaults() {
        return new OnnxOptions(0, 0, true);
    }
}
