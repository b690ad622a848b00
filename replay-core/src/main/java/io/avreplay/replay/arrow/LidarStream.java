package io.avreplay.replay.arrow;

import io.avreplay.replay.log.LidarSweep;
import java.util.function.Function;

/** A lidar {@link FrameStream} that can also lend a sweep's columns without copying them. */
public interface LidarStream extends FrameStream<LidarSweep> {
    /**
     * Loads sweep {@code index} and calls {@code visitor} with read-only views of its columns in the
     * reader's memory. The views are invalid once the visitor returns.
     *
     * @throws io.avreplay.error.CorruptLogException naming file and batch when the batch cannot be decoded
     */
    <R> R withView(int index, Function<LidarPointsView, R> visitor);
}
