package io.avreplay.perception.train;

/**
 * Where a checkpointed run stands; stored as {@code checkpoint/state.json}.
 *
 * @param epoch          epoch in progress (0-based)
 * @param step           next step within that epoch
 * @param elapsedSeconds training wall time so far, seconds
 * @param samplesSeen    samples trained on so far
 */
record TrainState(int epoch, int step, double elapsedSeconds, long samplesSeen) {
    static final TrainState START = new TrainState(0, 0, 0, 0);
}
