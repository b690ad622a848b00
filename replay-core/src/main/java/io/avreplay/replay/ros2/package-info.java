/**
 * ROS 2 messages decoded generically: {@link io.avreplay.replay.ros2.Ros2Schema} parses the
 * {@code ros2msg} definition text an MCAP schema record carries (the root message, then its
 * dependencies after {@code ===} separator lines and {@code MSG: pkg/Type} headers), and
 * {@link io.avreplay.replay.ros2.Ros2Codec} decodes (and encodes) CDR payloads from it: the 4-byte
 * encapsulation header chooses little- or big-endian, every primitive is aligned to its size (8 at
 * most) counted from the end of that header, strings carry a uint32 length that includes their NUL.
 * Decoded messages are {@link io.avreplay.replay.ros2.RosStruct} trees; primitive arrays stay primitive
 * arrays, and {@code uint8[]}-like arrays are views of the payload with no copy, so a point cloud's
 * {@code uint8[] data} costs nothing until it is read.
 */
package io.avreplay.replay.ros2;
