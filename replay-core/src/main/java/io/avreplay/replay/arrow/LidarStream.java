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

    /**
     * Loads sweep {@code index} as a read-only view that, unlike {@link #withView}'s, stays valid for as
     * long as it is referenced, on any thread: for an uncompressed file its columns are slices of the
     * memory-mapped batch (no copy; the mapping is released when the last view becomes unreachable), for
     * a compressed file a heap copy of the decompressed columns.
     *
     * @param verify check the batch's CRC-32C against the time index first
     * @throws io.avreplay.error.ChecksumMismatchException naming file and batch when {@code verify} and the
     *                                                     CRC differs
     * @throws io.avreplay.error.CorruptLogException        naming file and batch when the batch cannot be decoded
     */
    LidarPointsView readPoints(int index, boolean verify);
}
