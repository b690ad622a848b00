package io.avreplay.replay.ros2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ros2CodecTest {
    private static final String FLAT = """
            # a comment line
            uint8 a
            float64 b   # trailing comment
            string<=10 c
            int16[] d
            int32 LIMIT=3
            """;

    /*
     * Little-endian layout, offsets counted from the end of the 4-byte encapsulation header:
     * 0: a=7; 1..7 pad; 8..15: b=1.5 (0x3FF8000000000000); 16..19: len 3; 20..22: "hi\0"; 23 pad;
     * 24..27: count 2; 28..29: 5; 30..31: -1. 32 body bytes + 4 header bytes.
     */
    private static final byte[] FLAT_LE = {0, 1, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F, 3, 0, 0,
        0, 'h', 'i', 0, 0, 2, 0, 0, 0, 5, 0, (byte) 0xFF, (byte) 0xFF};

    @Test
    void decodesLittleEndianWithAlignment() {
        Ros2Schema s = Ros2Schema.parse("test/msg/Flat", FLAT);
        RosStruct m = Ros2Codec.decode(s, FLAT_LE);
        assertEquals(7, m.integer("a"));
        assertEquals(1.5, m.number("b"));
        assertEquals("hi", m.string("c"));
        assertArrayEquals(new long[] {5, -1}, (long[]) m.fields().get("d"));
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(m.fields().keySet()));
    }

    @Test
    void bigEndianHasTheSameLayoutWithSwappedBytes() {
        byte[] be = {0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0x3F, (byte) 0xF8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', 0, 0, 0, 0,
            0, 2, 0, 5, (byte) 0xFF, (byte) 0xFF};
        RosStruct m = Ros2Codec.decode(Ros2Schema.parse("test/Flat", FLAT), be);
        assertEquals(1.5, m.number("b"));
        assertArrayEquals(new long[] {5, -1}, (long[]) m.fields().get("d"));
    }

    @Test
    void encodeIsTheInverseOfDecode() {
        Ros2Schema s = Ros2Schema.parse("test/msg/Flat", FLAT);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("a", 7L);
        f.put("b", 1.5);
        f.put("c", "hi");
        f.put("d", new long[] {5, -1});
        assertArrayEquals(FLAT_LE, Ros2Codec.encode(s, new RosStruct("test/Flat", f), true));
    }

    @Test
    void nestedTypesFromDependencySections() {
        String def = """
                std_msgs/Header header
                Point[2] pts
                float32[] v
                ================================================================================
                MSG: std_msgs/Header
                builtin_interfaces/Time stamp
                string frame_id
                ================================================================================
                MSG: builtin_interfaces/Time
                int32 sec
                uint32 nanosec
                ================================================================================
                MSG: geo/Point
                float64 x
                float64 y
                """;
        Ros2Schema s = Ros2Schema.parse("geo/msg/Pair", def);
        RosStruct time = new RosStruct("builtin_interfaces/Time", Map.of("sec", 3L, "nanosec", 5L));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("stamp", time);
        header.put("frame_id", "map");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("header", new RosStruct("std_msgs/Header", header));
        f.put("pts", List.of(new RosStruct("geo/Point", Map.of("x", 1.0, "y", 2.0)),
                new RosStruct("geo/Point", Map.of("x", 3.0, "y", 4.0))));
        f.put("v", new float[] {0.5f});
        byte[] cdr = Ros2Codec.encode(s, new RosStruct("geo/Pair", f), true);
        // header: sec(4) nanosec(4) len(4) "map\0"(4) = 16; pad to 8 -> 16; pts 2x16 = 32 -> 48; count 4 -> 52; v 4 -> 56
        assertEquals(4 + 56, cdr.length);
        RosStruct m = Ros2Codec.decode(s, cdr);
        assertEquals(3_000_000_005L, m.struct("header").timeNs("stamp"));
        assertEquals("map", m.struct("header").string("frame_id"));
        assertEquals(4.0, m.structs("pts").get(1).number("y"));
        assertArrayEquals(new double[] {0.5}, m.doubles("v"));
    }

    @Test
    void errorsNameTheFieldOrType() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Ros2Schema.parse("a/B", "geometry_msgs/Pose pose"));
        assertTrue(missing.getMessage().contains("geometry_msgs/Pose"), missing.getMessage());
        Ros2Schema s = Ros2Schema.parse("test/Flat", FLAT);
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> Ros2Codec.decode(s, java.util.Arrays.copyOf(FLAT_LE, 20)));
        assertTrue(cut.getMessage().contains("test/Flat.c") || cut.getMessage().contains("string field"), cut.getMessage());
    }
}
