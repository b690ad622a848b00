package io.avreplay.replay.mcap;

import java.util.Map;
import java.util.Objects;

/**
 * An MCAP channel record: a topic and the schema of its messages.
 *
 * @param id              channel id, 0..65535
 * @param schemaId        the schema's id, 0 when the channel has none
 * @param topic           e.g. {@code /sensing/lidar/top/pointcloud}
 * @param messageEncoding e.g. {@code cdr}, {@code protobuf}, {@code json}
 * @param metadata        free-form key/values (rosbag2 stores QoS profiles here)
 */
public record McapChannel(int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {
    public McapChannel {
        if (id < 0 || id > 0xFFFF || schemaId < 0 || schemaId > 0xFFFF) {
            throw new IllegalArgumentException("channel id and schema id must be 0..65535, got id=" + id
                    + " schemaId=" + schemaId);
        }
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(messageEncoding, "messageEncoding");
        metadata = Map.copyOf(metadata);
    }
}
