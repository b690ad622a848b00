package io.avreplay.replay.play;

import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.StreamKind;
import java.util.Comparator;

/**
 * One selected sensor stream of one log of a replay.
 *
 * @param logIndex position of its log in the replay's log list
 * @param logId    the log's id
 * @param kind     lidar or camera
 * @param sensorId the sensor id
 */
record StreamSlot(int logIndex, String logId, StreamKind kind, String sensorId) {
    /**
     * The documented tie order for frames with equal timestamps: stream kind (lidar before camera),
     * then sensor id, then log order.
     */
    static final Comparator<StreamSlot> TIE_ORDER = Comparator.comparing(StreamSlot::kind)
            .thenComparing(StreamSlot::sensorId).thenComparingInt(StreamSlot::logIndex);

    FrameRef ref(int index, long timestampNs) {
        return new FrameRef(logId, kind, sensorId, index, timestampNs);
    }
}
