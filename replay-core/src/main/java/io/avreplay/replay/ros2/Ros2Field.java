package io.avreplay.replay.ros2;

import java.util.Objects;

/**
 * One field of a ROS 2 message definition.
 *
 * @param name        field name
 * @param baseType    a primitive ({@code bool byte char int8 uint8 int16 uint16 int32 uint32 int64 uint64
 *                    float32 float64 string wstring}) or a full message type {@code pkg/Type}
 * @param array       {@link ArrayKind#NONE} for a single value
 * @param arrayLength the element count of a fixed array, the bound of a bounded sequence, else 0
 */
record Ros2Field(String name, String baseType, ArrayKind array, int arrayLength) {
    /** How a field repeats. */
    enum ArrayKind {
        NONE, FIXED, SEQUENCE
    }

    Ros2Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseType, "baseType");
        Objects.requireNonNull(array, "array");
    }

    boolean primitive() {
        return Ros2Schema.PRIMITIVES.containsKey(baseType);
    }
}
