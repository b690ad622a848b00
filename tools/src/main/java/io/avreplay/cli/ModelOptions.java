package io.avreplay.cli;

import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.onnx.OnnxOptions;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import picocli.CommandLine.Option;

/**
 * The shared {@code --lidar-model} and {@code --camera-model} options and the one model resolution of
 * the CLI, through {@link Detectors#resolve}: {@code default} (the shipped model on ONNX Runtime), a
 * shipped model's name ({@code NAME}, {@code NAME@onnx}, {@code NAME@folded}, {@code NAME@dl4j}), a model
 * directory whose {@code card.json} names its backend ({@code dl4j}, {@code onnx}, {@code exec}), or
 * {@code none}. Says once per program on stderr when an ONNX model runs on the CPU provider, and why. The
 * caller owns and closes the detectors it gets. Public so that the fleet module's commands ({@code io.avreplay.fleet.cli}) mix in the same options.
 */
public final class ModelOptions {
    /** The value naming the shipped model. */
    static final String DEFAULT = "default";
    /** The value naming no model. */
    static final String NONE = "none";

    private static final AtomicBoolean CPU_NOTICE_GIVEN = new AtomicBoolean();

    @Option(names = "--lidar-model", defaultValue = DEFAULT, paramLabel = "MODEL",
            description = "'default' (the shipped model on ONNX Runtime), a shipped model's name (NAME, NAME@onnx, "
                    + "NAME@folded, NAME@dl4j), a model directory (card.json naming its backend: dl4j, onnx or exec) "
                    + "or 'none' (default: ${DEFAULT-VALUE}).")
    String lidarModel = DEFAULT;

    @Option(names = "--camera-model", defaultValue = DEFAULT, paramLabel = "MODEL",
            description = "'default', a shipped model's name (NAME[@onnx|folded|dl4j]), a model directory or 'none' "
                    + "to skip the camera "
                    + "(default: ${DEFAULT-VALUE}).")
    String cameraModel = DEFAULT;

    @Option(names = "--onnx-threads", defaultValue = "0", paramLabel = "N",
            description = "ONNX Runtime intra-op threads per model (0: one each when a lidar and a camera model run "
                    + "together, as in run and demo, where they already use a core each; else ONNX Runtime's default, "
                    + "one per core).")
    int onnxThreads;

    /** @return the lidar 3D detector, empty for {@code none} */
    Optional<Detector> lidar(BufferAllocator allocator, PrintWriter err) {
        return resolve("--lidar-model", lidarModel, ModelTask.LIDAR_3D, onnxOptions(), allocator, err);
    }

    /** @return the camera 2D detector, empty for {@code none} */
    Optional<Detector> camera(BufferAllocator allocator, PrintWriter err) {
        return resolve("--camera-model", cameraModel, ModelTask.CAMERA_2D, onnxOptions(), allocator, err);
    }

    /** @return the {@code --lidar-model} value: {@code default}, a shipped name, a model directory or {@code none} */
    public String lidarModel() {
        return lidarModel;
    }

    /** @return the {@code --camera-model} value: {@code default}, a shipped name, a model directory or {@code none} */
    public String cameraModel() {
        return cameraModel;
    }

    /** @return the {@code --onnx-threads} value, &gt;= 0 (0: ONNX Runtime's default) */
    public int onnxThreads() {
        return onnxThreads;
    }

    /**
     * @return how ONNX sessions are made: {@code --onnx-threads}, or with 0 one thread per model when both a
     *         lidar and a camera model are named (the run loop runs them at once, one core each; two sessions
     *         each spinning a thread per core measured 1.3x to 1.5x slower on 2 cores, docs/BENCHMARKS.md)
     */
    OnnxOptions onnxOptions() {
        OnnxOptions d = OnnxOptions.defaults();
        boolean together = !lidarModel.equals(NONE) && !cameraModel.equals(NONE);
        return new OnnxOptions(onnxThreads > 0 ? onnxThreads : together ? 1 : 0, d.interOpThreads(), d.cuda());
    }

    /** @return how ONNX sessions are made for a model timed alone: {@code --onnx-threads}, 0 meaning ONNX Runtime's */
    OnnxOptions onnxOptionsAlone() {
        OnnxOptions d = OnnxOptions.defaults();
        return new OnnxOptions(onnxThreads, d.interOpThreads(), d.cuda());
    }

    /**
     * Resolves one model value.
     *
     * @param option the option's name, for messages
     * @param value  {@code default}, a shipped name, {@code none} or a model directory
     * @param task   the task the model must serve (a model of the other task is refused, exit 3)
     * @return the loaded detector, empty for {@code none}
     */
    static Optional<Detector> resolve(String option, String value, ModelTask task, OnnxOptions onnx,
            BufferAllocator allocator, PrintWriter err) {
        Optional<Detector> d = Detectors.resolve(option, value, task, onnx, allocator);
        Optional<String> cpu = d.flatMap(Detectors::onnxCpuReason);
        if (cpu.isPresent() && CPU_NOTICE_GIVEN.compareAndSet(false, true)) {
            err.println("avreplay: ONNX Runtime runs on the CPU execution provider: " + cpu.get());
            err.flush();
        }
        return d;
    }

    /** @return whether {@code value} names a model ({@code default}, a shipped name or a directory with a card) */
    public static boolean namesModel(String value) {
        return Detectors.namesModel(value);
    }
}
