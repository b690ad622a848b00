package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.avreplay.replay.object.CategoryTable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes a saved model: what it detects, how its input is built, how its output is decoded, and
 * where it came from. Stored as {@code card.json} beside {@code model.zip}.
 *
 * @param name           model name, e.g. {@code bev-centernet-s}
 * @param task           what the model detects
 * @param architecture   short description of the network; absent means empty
 * @param input          how the input tensor is built; its shape is checked against the network's
 * @param classes        output class names, in heatmap channel order; each one of {@link #KNOWN_CLASSES}
 * @param outputStride   BEV grid cells, or image pixels (before any space-to-depth), per output cell
 * @param scoreThreshold detections below this score are dropped
 * @param nmsThreshold   lidar: centre distance in metres below which a lower-scored box of the same class
 *                       is suppressed; camera: IoU above which it is suppressed
 * @param maxDetections  at most this many detections per frame
 * @param flopsPerFrame  multiply-adds × 2 of one forward pass
 * @param provenance     training provenance; absent means untrained (a hand-written card)
 * @param backend        which runtime runs the model and what it needs; absent (null in JSON) means DL4J
 */
public record ModelCard(String name, ModelTask task, String architecture, InputSpec input, List<String> classes,
        int outputStride, double scoreThreshold, double nmsThreshold, int maxDetections, long flopsPerFrame,
        Provenance provenance, BackendSpec backend) {
    /**
     * Class names a model may output: the evaluation classes of the category table (the nuScenes detection
     * classes and {@code pothole}).
     */
    public static final Set<String> KNOWN_CLASSES = Set.copyOf(CategoryTable.standard().evalClasses());

    /** @throws IllegalArgumentException naming the field when a value is missing or out of range */
    public ModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(input, "input");
        if (architecture == null) {
            architecture = "";
        }
        if (provenance == null) {
            provenance = Provenance.untrained(0);
        }
        if (backend == null) {
            backend = new Dl4jBackend();
        }
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("classes must not be empty");
        }
        for (String c : classes) {
            if (!KNOWN_CLASSES.contains(c)) {
                throw new IllegalArgumentException("unknown class name '" + c + "', expected one of "
                        + KNOWN_CLASSES.stream().sorted().toList());
            }
        }
        if ((backend instanceof ExecBackend) != (input instanceof RawFrames)) {
            throw new IllegalArgumentException("backend " + backend.kind() + " needs " + (backend instanceof ExecBackend
                    ? "a raw" : "a bev or image") + " input, got " + input.getClass().getSimpleName());
        }
        if (!(input instanceof RawFrames) && (task == ModelTask.LIDAR_3D) != (input instanceof BevGrid)) {
            throw new IllegalArgumentException("task " + task + " needs a " + (task == ModelTask.LIDAR_3D ? "bev"
                    : "image") + " input, got " + input.getClass().getSimpleName());
        }
        int rows = input instanceof ImageInput image ? image.height() : input.rows();
        int cols = input instanceof ImageInput image ? image.width() : input.cols();
        if (outputStride <= 0 || rows % outputStride != 0 || cols % outputStride != 0) {
            throw new IllegalArgumentException("outputStride must be > 0 and divide the input " + rows + "x" + cols
                    + ", got " + outputStride);
        }
        if (!(scoreThreshold >= 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("scoreThreshold must be in [0, 1), got " + scoreThreshold);
        }
        if (!(nmsThreshold >= 0)) {
            throw new IllegalArgumentException("nmsThreshold must be >= 0, got " + nmsThreshold);
        }
        if (maxDetections <= 0) {
            throw new IllegalArgumentException("maxDetections must be > 0, got " + maxDetections);
        }
    }

    /** A DL4J model card (backend {@link Dl4jBackend}). */
    public ModelCard(String name, ModelTask task, String architecture, InputSpec input, List<String> classes,
            int outputStride, double scoreThreshold, double nmsThreshold, int maxDetections, long flopsPerFrame,
            Provenance provenance) {
        this(name, task, architecture, input, classes, outputStride, scoreThreshold, nmsThreshold, maxDetections,
                flopsPerFrame, provenance, new Dl4jBackend());
    }

    /** @return the input tensor shape {channels, rows, cols} the network must accept */
    @JsonIgnore
    public int[] inputShape() {
        return new int[] {input.channels(), input.rows(), input.cols()};
    }

    /**
     * @return {rows, cols} of the network's output grid: the BEV grid, or the image in pixels before
     *         space-to-depth, divided by {@link #outputStride()}
     */
    @JsonIgnore
    public int[] outputGrid() {
        int rows = input instanceof ImageInput image ? image.height() : input.rows();
        int cols = input instanceof ImageInput image ? image.width() : input.cols();
        return new int[] {rows / outputStride, cols / outputStride};
    }

    /** @return a copy with other provenance */
    @JsonIgnore
    public ModelCard withProvenance(Provenance p) {
        return new ModelCard(name, task, architecture, input, classes, outputStride, scoreThreshold, nmsThreshold,
                maxDetections, flopsPerFrame, p, backend);
    }

    /** @return a copy run by another backend (same input, classes, thresholds and provenance) */
    @JsonIgnore
    public ModelCard withBackend(BackendSpec b) {
        return new ModelCard(name, task, architecture, input, classes, outputStride, scoreThreshold, nmsThreshold,
                maxDetections, flopsPerFrame, provenance, b);
    }
}
