package io.avreplay.perception.train;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.model.ConvSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What and how to train.
 *
 * @param task          lidar or camera
 * @param name          model name written to the card
 * @param logs          training log directories (a directory holding log directories is expanded)
 * @param heldOut       held-out log directories for the card's metrics; may be empty
 * @param out           model directory to write ({@code model.zip}, {@code card.json}, {@code checkpoint/})
 * @param classes       class names, heatmap order
 * @param backbone      network backbone
 * @param epochs        passes over the training samples
 * @param batchSize     samples per step
 * @param learningRate  Adam learning rate
 * @param seed          seed of initialisation, shuffling and augmentation
 * @param frameStride   use every n-th frame of each log (1 = all)
 * @param maxMinutes    stop after the step that passes this wall time, saving the model (0 = no limit)
 * @param resume        continue from {@code out/checkpoint} when present
 */
public record TrainConfig(ModelTask task, String name, List<Path> logs, List<Path> heldOut, Path out,
        List<String> classes, List<ConvSpec> backbone, int epochs, int batchSize, double learningRate, long seed,
        int frameStride, double maxMinutes, boolean resume) {
    /** @throws IllegalArgumentException naming the field when a value is out of range */
    public TrainConfig {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(out, "out");
        logs = List.copyOf(logs);
        heldOut = List.copyOf(heldOut);
        classes = List.copyOf(classes);
        backbone = List.copyOf(backbone);
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("logs must not be empty");
        }
        if (epochs <= 0 || batchSize <= 0 || frameStride <= 0) {
            throw new IllegalArgumentException("epochs, batchSize and frameStride must be > 0, got " + epochs + ", "
                    + batchSize + ", " + frameStride);
        }
        if (!(learningRate > 0) || maxMinutes < 0) {
            throw new IllegalArgumentException("learningRate must be > 0 and maxMinutes >= 0, got " + learningRate
                    + ", " + maxMinutes);
        }
    }

    /** Default lidar classes. */
    public static final List<String> LIDAR_CLASSES = List.of("car", "truck", "bus", "pedestrian", "bicycle",
            "motorcycle", "traffic_cone", "barrier");
    /** Default camera classes. */
    public static final List<String> CAMERA_CLASSES = List.of("car", "truck", "bus", "pedestrian", "bicycle",
            "motorcycle", "pothole");
    /**
     * Lidar grid: ±51.2 m at 0.64 m cells (160 × 160), z −2…4 m, ego frame. It reaches the 50 m class range
     * of nuScenes' {@code detection_cvpr_2019} (cars, trucks, buses) that a ±40 m grid cannot.
     */
    public static final BevGrid LIDAR_GRID = new BevGrid(-51.2, 51.2, -51.2, 51.2, -2, 4, 0.64);
    /** Default lidar backbone, 160×160 BEV input → 80×80 output: ≈ 0.12 GFLOP. */
    public static final List<ConvSpec> LIDAR_BACKBONE = List.of(ConvSpec.parse("k3s2d1c16"),
            ConvSpec.parse("k3s1d1c24"), ConvSpec.parse("k3s1d2c24"));
    /**
     * Default camera backbone on the 48 × 54 × 96 space-to-depth input → 27 × 48 output (stride 8 pixels of
     * the 384 × 216 input, 20 pixels of a 960 × 540 frame): ≈ 0.36 GFLOP. The dilations give a receptive
     * field of 236 input pixels, enough to see a close car whole; 64 channels keep DL4J's im2col GEMMs
     * efficient (measured: 59.5 ms of network time, against 55 ms for the 0.12 GFLOP 16–32-channel net it
     * replaced; docs/BENCHMARKS-perception.md).
     */
    public static final List<ConvSpec> CAMERA_BACKBONE = List.of(ConvSpec.parse("k3s2d1c64"),
            ConvSpec.parse("k3s1d2c64"), ConvSpec.parse("k3s1d4c64"), ConvSpec.parse("k3s1d8c64"));

    /** @return the default configuration for {@code task} */
    public static TrainConfig defaults(ModelTask task, List<Path> logs, List<Path> heldOut, Path out) {
        boolean lidar = task == ModelTask.LIDAR_3D;
        return new TrainConfig(task, lidar ? "bev-centernet-s" : "cam-centernet-s", logs, heldOut, out,
                lidar ? LIDAR_CLASSES : CAMERA_CLASSES, lidar ? LIDAR_BACKBONE : CAMERA_BACKBONE, 4, 8, 2e-3, 42,
                1, 0, false);
    }

    /** @return a copy with other epochs, batch size, learning rate, seed, frame stride, time limit, resume */
    public TrainConfig with(int newEpochs, int newBatch, double newLr, long newSeed, int newStride, double newMax,
            boolean newResume) {
        return new TrainConfig(task, name, logs, heldOut, out, classes, backbone, newEpochs, newBatch, newLr, newSeed,
                newStride, newMax, newResume);
    }
}
