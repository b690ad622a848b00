package io.avreplay.perception;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.ExecBackend;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.OnnxBackend;
import io.avreplay.perception.camera.CameraTargets;
import io.avreplay.perception.camera.CameraDetector;
import io.avreplay.perception.camera.HogPedestrianDetector;
import io.avreplay.perception.exec.ExecDetector;
import io.avreplay.perception.lidar.LidarDetector;
import io.avreplay.perception.lidar.LidarTargets;
import io.avreplay.perception.model.FoldedConvNet;
import io.avreplay.perception.model.ForwardPass;
import io.avreplay.perception.model.InferenceNetwork;
import io.avreplay.perception.model.ModelFiles;
import io.avreplay.perception.onnx.OnnxExport;
import io.avreplay.perception.onnx.OnnxForwardPass;
import io.avreplay.perception.onnx.OnnxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Loads detectors. A model is a directory holding {@code card.json} and the file its backend names
 * ({@code model.zip} for DL4J, an ONNX file for ONNX Runtime, a command for exec); the default models ship
 * in this jar under {@code /models/<name>/}, each as its DL4J network and its ONNX export, and are named
 * {@code NAME} (ONNX Runtime, the fastest exact backend), {@code NAME@onnx}, {@code NAME@folded} (the DL4J
 * network through {@code FoldedConvNet}) or {@code NAME@dl4j} (DL4J's own forward pass). Thread-safe; each
 * call returns a new detector.
 */
public final class Detectors {
    /** Name of the default lidar model resource. */
    public static final String DEFAULT_LIDAR = "bev-centernet-s";
    /** Name of the default camera model resource. */
    public static final String DEFAULT_CAMERA = "cam-centernet-s";
    /** Names of the models shipped in this jar. */
    public static final List<String> SHIPPED = List.of(DEFAULT_LIDAR, DEFAULT_CAMERA);

    private Detectors() {
    }

    /**
     * @return whether a model option's {@code value} names a model: {@code default}, a shipped model's name
     *         or a directory holding a {@code card.json} (else it is {@code none} or something else, such as
     *         a directory of precomputed detections)
     */
    public static boolean namesModel(String value) {
        return value.equals("default") || namesShipped(value) || Files.isRegularFile(Path.of(value).resolve("card.json"));
    }

    /**
     * Sets how many native threads one detector call may use (ND4J's parallel loops), returning
     * the previous value. Two detectors running concurrently on two cores go faster with one thread each
     * than with two each contending; process-wide, so callers restore the previous value.
     */
    public static int setNativeThreadsPerCall(int threads) {
        return io.avreplay.perception.model.NativeThreads.setPerCall(threads);
    }

    /** @return the default lidar 3D detector: the shipped model on its default backend (ONNX Runtime) */
    public static Detector loadDefaultLidar() {
        return loadShipped(DEFAULT_LIDAR, OnnxOptions.defaults()).orElseThrow();
    }

    /** @return the default camera 2D detector: the shipped model on its default backend (ONNX Runtime) */
    public static Detector loadDefaultCamera() {
        return loadShipped(DEFAULT_CAMERA, OnnxOptions.defaults()).orElseThrow();
    }

    /**
     * Loads a shipped model named {@code NAME} or {@code NAME@onnx|folded|dl4j}.
     *
     * @return empty when {@code value} does not name a shipped model
     * @throws BadInputException when the suffix names no backend or a resource is missing or corrupt
     */
    public static Optional<Detector> loadShipped(String value, OnnxOptions onnx) {
        return ShippedModels.parse(value).map(ref -> ShippedModels.load(ref, onnx));
    }

    /** @return whether {@code value} names a shipped model, with or without a backend suffix */
    public static boolean namesShipped(String value) {
        int at = value.lastIndexOf('@');
        return SHIPPED.contains(at < 0 ? value : value.substring(0, at));
    }

    /** @return OpenCV's HOG people detector, a baseline that needs no model files */
    public static Detector hogPedestrians() {
        return new HogPedestrianDetector();
    }

    /** As {@link #load(Path, OnnxOptions, BufferAllocator)} with ONNX Runtime's defaults, for dl4j and onnx cards. */
    public static Detector load(Path modelDir) {
        ModelCard card = ModelCardJson.read(modelDir.resolve(ModelCardJson.FILE_NAME));
        if (card.backend() instanceof ExecBackend) {
            throw new IllegalArgumentException(modelDir + ": an exec model needs an allocator, use load(dir, onnx, allocator)");
        }
        return loadNetwork(modelDir, card, OnnxOptions.defaults());
    }

    /**
     * Loads a model directory: {@code card.json} plus what its backend names ({@code model.zip} for DL4J,
     * the ONNX file for ONNX, a command for exec, which is started here). Everything that can be checked
     * without frames is checked before any frame is read.
     *
     * @param allocator parent of the exec backend's Arrow buffers; may be null only when the card is not exec
     *
     * @throws BadInputException naming the file and expected versus actual when the card or the network is
     *                           missing, corrupt, or they do not match
     */
    public static Detector load(Path modelDir, OnnxOptions onnx, BufferAllocator allocator) {
        ModelCard card = ModelCardJson.read(modelDir.resolve(ModelCardJson.FILE_NAME));
        if (card.backend() instanceof ExecBackend) {
            return ExecDetector.start(modelDir, card, java.util.Objects.requireNonNull(allocator, "allocator"));
        }
        return loadNetwork(modelDir, card, onnx);
    }

    /** Loads a DL4J or ONNX card's network; both decode through the task's detector. */
    private static Detector loadNetwork(Path modelDir, ModelCard card, OnnxOptions onnx) {
        if (card.backend() instanceof OnnxBackend) {
            int regression = card.task() == ModelTask.LIDAR_3D ? LidarTargets.REGRESSION : CameraTargets.REGRESSION;
            OnnxForwardPass pass = OnnxForwardPass.open(modelDir, card, regression, onnx);
            return switch (card.task()) {
                case LIDAR_3D -> new LidarDetector(card, pass);
                case CAMERA_2D -> new CameraDetector(card, pass);
            };
        }
        return switch (card.task()) {
            case LIDAR_3D -> LidarDetector.load(modelDir, card);
            case CAMERA_2D -> CameraDetector.load(modelDir, card);
        };
    }

    /**
     * The one place a model option ({@code --lidar-model}, {@code --camera-model}) becomes a detector:
     * {@code none} gives none, {@code default} the shipped model of the task on its default backend, a
     * shipped model's name ({@code NAME} or {@code NAME@onnx|folded|dl4j}) that model, anything else a model
     * directory of any backend (an existing directory wins over a shipped name).
     *
     * @param option    named in errors, e.g. {@code --lidar-model}
     * @param allocator parent of an exec model's Arrow buffers
     * @throws BadInputException when the model cannot be loaded or detects another task than {@code task}
     */
    public static Optional<Detector> resolve(String option, String value, ModelTask task, OnnxOptions onnx,
            BufferAllocator allocator) {
        if (value.equals("none")) {
            return Optional.empty();
        }
        Detector d;
        if (value.equals("default")) {
            d = loadShipped(task == ModelTask.LIDAR_3D ? DEFAULT_LIDAR : DEFAULT_CAMERA, onnx).orElseThrow();
        } else if (namesShipped(value) && !Files.isDirectory(Path.of(value))) {
            d = loadShipped(value, onnx).orElseThrow();
        } else {
            d = load(Path.of(value), onnx, allocator);
        }
        if (d.card().task() != task) {
            ModelTask actual = d.card().task();
            d.close();
            throw new BadInputException(option + " " + value + ": expected a " + task + " model, the card says "
                    + actual);
        }
        return Optional.of(d);
    }

    /**
     * @return the folded network of a DL4J detector, for export; empty for other backends and for networks
     *         that do not fold
     */
    public static Optional<FoldedConvNet> foldedNetwork(Detector d) {
        ForwardPass pass = d instanceof LidarDetector l ? l.inference()
                : d instanceof CameraDetector c ? c.inference() : null;
        return pass instanceof InferenceNetwork n ? n.folded() : Optional.empty();
    }

    /**
     * Exports a DL4J model (a shipped model's name or a model directory) as an ONNX model directory
     * ({@code model.onnx} + {@code card.json}), written beside {@code outDir} and renamed into place.
     *
     * @return the written card
     * @throws BadInputException when the model cannot be loaded, is not a DL4J model, or its network does not
     *                           fold into plain convolutions
     */
    public static ModelCard exportOnnx(String model, Path outDir) {
        String shipped = model.endsWith("@dl4j") || model.endsWith("@folded") ? model.substring(0, model.lastIndexOf('@'))
                : model;
        try (Detector d = SHIPPED.contains(shipped) && !Files.isDirectory(Path.of(model)) ? loadResource(shipped)
                : load(Path.of(model))) {
            FoldedConvNet net = foldedNetwork(d).orElseThrow(() -> new BadInputException(model + ": cannot export "
                    + "backend " + d.card().backend().kind() + ": expected a DL4J network of plain convolutions, "
                    + "batch norm and ReLU"));
            return OnnxExport.write(net, d.card(), outDir);
        }
    }

    /** @return the DL4J card of a shipped model (the ONNX export's card differs only in its backend) */
    public static ModelCard shippedCard(String name) {
        return ShippedModels.dl4jCard(name);
    }

    /** @return the size of a shipped model's {@code model.zip}, bytes */
    public static long shippedSizeBytes(String name) {
        return ShippedModels.bytes(name, ModelFiles.MODEL_FILE).length;
    }

    /** @return the size of a shipped model's ONNX export, bytes */
    public static long shippedOnnxSizeBytes(String name) {
        return ShippedModels.bytes(name, ShippedModels.ONNX_FOLDER + OnnxExport.FILE_NAME).length;
    }

    /**
     * Loads the DL4J network of a model bundled under {@code /models/<name>/} (through the folded path where
     * it folds), as {@code NAME@folded}; for export and tests.
     *
     * @throws BadInputException when the resource is missing or invalid
     */
    public static Detector loadResource(String name) {
        return ShippedModels.loadDl4j(name, false);
    }

    /** @return why a detector's ONNX session runs on the CPU provider; empty for CUDA and other backends */
    public static Optional<String> onnxCpuReason(Detector d) {
        ForwardPass pass = d instanceof LidarDetector l ? l.inference()
                : d instanceof CameraDetector c ? c.inference() : null;
        return pass instanceof OnnxForwardPass o ? o.cpuReason() : Optional.empty();
    }

    /**
     * @return the name of what runs a detector's network, for reports: {@code onnxruntime-cpu},
     *         {@code onnxruntime-cuda}, {@code folded} or {@code dl4j}; the card's backend ({@code exec}) for
     *         detectors without a network
     */
    public static String backendName(Detector d) {
        ForwardPass pass = d instanceof LidarDetector l ? l.inference()
                : d instanceof CameraDetector c ? c.inference() : null;
        return pass != null ? pass.backendName() : d.card().backend().kind();
    }
}
