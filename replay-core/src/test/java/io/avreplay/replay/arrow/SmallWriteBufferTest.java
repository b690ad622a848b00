package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallWriteBufferTest {
    /**
     * Writes of 3, 5, CAPACITY + 1 and 2 bytes (bytes 0, 1, 2, ... mod 256 in order): the two small ones reach the
     * file together (8 bytes) just before the large one, which goes through whole, and the last 2 at close.
     */
    @Test
    void smallWritesAreGatheredLargeOnesPassThroughInOrder() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Integer> calls = new ArrayList<>();
        WritableByteChannel sink = Channels.newChannel(file);
        WritableByteChannel counting = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws java.io.IOException {
                calls.add(src.remaining());
                return sink.write(src);
            }

            @Override
            public boolean isOpen() {
                return sink.isOpen();
            }

            @Override
            public void close() throws java.io.IOException {
                sink.close();
            }
        };
        int[] sizes = {3, 5, SmallWriteBuffer.CAPACITY + 1, 2};
        byte[] all = new byte[3 + 5 + SmallWriteBuffer.CAPACITY + 1 + 2];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (SmallWriteBuffer b = new SmallWriteBuffer(counting)) {
            int at = 0;
            for (int n : sizes) {
                ByteBuffer src = ByteBuffer.wrap(all, at, n);
                assertEquals(n, b.write(src));
                assertEquals(0, src.remaining());
                at += n;
            }
            assertEquals(List.of(8, SmallWriteBuffer.CAPACITY + 1), calls);
        }
        assertEquals(List.of(8, SmallWriteBuffer.CAPACITY + 1, 2), calls);
        assertArrayEquals(all, file.toByteArray());
    }
}
