package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class Crc32cChannelTest {
    private static long crc(byte[] b, int from, int to) {
        CRC32C c = new CRC32C();
        c.update(b, from, to - from);
        return c.getValue();
    }

    @Test
    void combiningSegmentsGivesTheCrcOfTheWhole() {
        // the CRC-32C check value (RFC 3720 / the Castagnoli catalogue): "123456789" -> e3069283
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe3069283L, crc(check, 0, 9));
        assertEquals(0xe3069283L, Crc32cChannel.combine(crc(check, 0, 4), crc(check, 4, 9), 5));
        byte[] b = new byte[1 << 20];
        new Random(3).nextBytes(b);
        for (int cut : new int[] {0, 1, 7, 4096, 123_457, 1 << 20}) {
            assertEquals(crc(b, 0, b.length), Crc32cChannel.combine(crc(b, 0, cut), crc(b, cut, b.length), b.length - cut),
                    "cut at " + cut);
        }
    }

    @Test
    void theChannelSumsEachSegmentAndTheWholeFile() throws Exception {
        byte[] b = new byte[300_000];
        new Random(5).nextBytes(b);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Crc32cChannel ch = new Crc32cChannel(Channels.newChannel(sink));
        ch.write(ByteBuffer.wrap(b, 0, 1000));
        ch.resetSegment();
        ch.write(ByteBuffer.wrap(b, 1000, 50_000));
        ch.write(ByteBuffer.wrap(b, 51_000, 9_000));
        assertEquals(crc(b, 1000, 60_000), ch.resetSegment());
        ch.write(ByteBuffer.wrap(b, 60_000, 240_000));
        assertEquals(crc(b, 0, b.length), ch.wholeCrc());
        assertEquals(300_000, ch.bytesWritten());
        assertEquals(crc(b, 60_000, b.length), ch.resetSegment());
        assertEquals(crc(b, 0, b.length), ch.wholeCrc(), "an empty last segment changes nothing");
    }
}
