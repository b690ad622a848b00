package io.avreplay.replay.mcap;

import java.util.Objects;

/**
 * An MCAP schema record: how messages of the channels that name it are encoded.
 *
 * @param id       schema id, 1..65535 (0 means "no schema" in a channel and is never a schema's id)
 * @param name     e.g. {@code sensor_msgs/msg/PointCloud2} or {@code foxglove.PointCloud}
 * @param encoding e.g. {@code ros2msg}, {@code protobuf}, {@code jsonschema}
 * @param data     the schema text or bytes; owned by this record, callers must not mutate it
 */
public record McapSchema(int id, String name, String encoding, byte[] data) {
    public McapSchema {
        if (id < 1 || id > 0xFFFF) {
            throw new IllegalArgumentException("schema id must be 1..65535, got " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
    }
}
