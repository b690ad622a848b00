package io.avreplay.cli;

import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.onnx.OnnxForwardPass;
import io.avreplay.perception.onnx.OnnxOptions;
import java.io.PrintWriter;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Turns a {@code --lidar-model} / {@code --camera-model} value into a detector through
 * {@link Detectors#resolve}, and says once per program on stderr when an ONNX model runs on the CPU
 * because the loaded ONNX Runtime has no CUDA provider.
 */
final class ModelOption {
    private static final java.util.concurrent.atomic.AtomicBoolean CPU_NOTICE_GIVEN =
            new java.util.concurrent.atomic.AtomicBoolean();

    private ModelOption() {
    }

    static Optional<Detector> detector(String option, String value, ModelTask task, BufferAllocator allocator,
            PrintWriter err) {
        Optional<Detector> d = Detectors.resolve(option, value, task, OnnxOptions.defaults(), allocator);
        if (d.isPresent() && d.get().card().backend().kind().equals("onnx") && !OnnxForwardPass.cudaAvailable()
                && CPU_NOTICE_GIVEN.compareAndSet(false, true)) {
            err.println("avreplay: ONNX Runtime runs on the CPU (no CUDA execution provider: the onnxruntime_gpu "
                    + "artifact and a GPU are needed)");
            err.flush();
        }
        return d;
    }
}
