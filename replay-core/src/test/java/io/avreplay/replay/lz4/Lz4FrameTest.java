package io.avreplay.replay.lz4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Checked against commons-compress's LZ4 frame streams, an implementation we did not write. */
class Lz4FrameTest {
    /** Half random bytes, half a repeated pattern: compressible, but not to nothing. */
    static byte[] sample(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        for (int i = 0; i < n; i += 2) {
            b[i] = (byte) (i % 97);
        }
        return b;
    }

    static byte[] compress(byte[] in) {
        byte[] out = new byte[Lz4Frame.maxCompressedLength(in.length)];
        int n = Lz4Frame.compress(ByteBuffer.wrap(in), ByteBuffer.wrap(out));
        return Arrays.copyOf(out, n);
    }

    static byte[] decompress(byte[] frame, int size) {
        byte[] out = new byte[size];
        assertEquals(size, Lz4Frame.decompress(ByteBuffer.wrap(frame), ByteBuffer.wrap(out)));
        return out;
    }

    // 0 bytes, one small block, exactly one 4 MiB block, and three blocks (4 MiB + 4 MiB + 1 byte)
    @ParameterizedTest
    @ValueSource(ints = {0, 1000, 4 << 20, (8 << 20) + 1})
    void commonsCompressReadsOurFramesAndWeReadTheirs(int size) throws Exception {
        byte[] data = sample(size);
        byte[] ours = compress(data);
        assertArrayEquals(data, new FramedLZ4CompressorInputStream(new ByteArrayInputStream(ours)).readAllBytes());
        assertArrayEquals(data, decompress(ours, size));

        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (FramedLZ4CompressorOutputStream z = new FramedLZ4CompressorOutputStream(theirs,
                new FramedLZ4CompressorOutputStream.Parameters(FramedLZ4CompressorOutputStream.BlockSize.K64, true, true, false))) {
            z.write(data);
        }
        // 64 KiB blocks with block and content checksums (skipped, not verified)
        assertArrayEquals(data, decompress(theirs.toByteArray(), size));
    }

    @Test
    void linkedBlocksAsTheCLibraryWritesThemAreReadToo() throws Exception {
        byte[] data = sample(300_000);
        ByteArrayOutputStream linked = new ByteArrayOutputStream();
        try (FramedLZ4CompressorOutputStream z = new FramedLZ4CompressorOutputStream(linked,
                new FramedLZ4CompressorOutputStream.Parameters(FramedLZ4CompressorOutputStream.BlockSize.K64, false, false, true))) {
            z.write(data);
        }
        byte[] frame = linked.toByteArray();
        assertEquals(0, frame[4] & 0x20, "FLG's block-independence bit is clear");
        assertArrayEquals(data, decompress(frame, data.length));
    }

    @Test
    void rawBlocksSkippableFramesAndSeveralFrames() {
        // skippable frame (magic 50 2A 4D 18, size 2, 2 bytes), then a frame: magic, FLG 0x60, BD 0x40 (64 KiB),
        // HC (not checked), one raw block (size 3 | 0x80000000) "abc", end mark; then a second such frame "de"
        byte[] frames = {0x50, 0x2A, 0x4D, 0x18, 2, 0, 0, 0, 9, 9,
            0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0, 3, 0, 0, (byte) 0x80, 'a', 'b', 'c', 0, 0, 0, 0,
            0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0, 2, 0, 0, (byte) 0x80, 'd', 'e', 0, 0, 0, 0};
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 'e'}, decompress(frames, 5));
    }

    @Test
    void incompressibleDataIsStoredRawAndStillBounded() throws Exception {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        byte[] ours = compress(data);
        // header 7 + block size 4 + 100 000 raw bytes + end mark 4
        assertEquals(100_015, ours.length);
        assertEquals((byte) 0x80, ours[10], "the block size's high bit marks a raw block");
        assertArrayEquals(data, new FramedLZ4CompressorInputStream(new ByteArrayInputStream(ours)).readAllBytes());
    }

    @Test
    void damageIsAOneLineErrorNamingTheByte() {
        byte[] frame = compress(sample(10_000));
        byte[] badMagic = frame.clone();
        badMagic[0] = 0x05;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decompress(badMagic, 10_000));
        assertTrue(e.getMessage().contains("byte 0: expected the frame magic 04 22 4D 18, got 05224D18"), e.getMessage());

        byte[] cut = Arrays.copyOf(frame, frame.length - 10);
        e = assertThrows(IllegalArgumentException.class, () -> decompress(cut, 10_000));
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> decompress(frame, 9_999));
        assertTrue(e.getMessage().contains("9999 bytes expected"), e.getMessage());
    }
}
