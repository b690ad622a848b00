package io.avreplay.perception.api;

/**
 * A perception model: a synced frame set in, plain detection records out. A lidar detector reads the
 * set's sweeps and returns 3D boxes in the ego frame; a camera detector reads its camera frames and
 * returns 2D boxes in pixels. Frames a detector does not use are ignored.
 *
 * <p>Implementations are <b>not thread-safe</b>: use one instance per thread. A detector may hold native
 * memory; close it when done.
 */
public interface Detector extends AutoCloseable {
    /** @return the card describing the model: task, input shape, classes, thresholds, provenance */
    ModelCard card();

    /**
     * Runs the model on one frame set.
     *
     * @throws io.avreplay.error.BadInputException when a frame cannot be decoded
     */
    Detections detect(FrameSet frames);

    /**
     * Runs the model on several frame sets; implementations may batch them through the network.
     *
     * @return one {@link Detections} per input, in order
     */
    default java.util.List<Detections> detectAll(java.util.List<FrameSet> frames) {
        return frames.stream().map(this::detect).toList();
    }

    /** Releases native memory; the default does nothing. */
    @Override
    default void close() {
    }
}
