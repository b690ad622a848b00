package io.avreplay.replay.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class McapReaderTest {
    @TempDir
    Path dir;

    /** 100 messages on /a (100 bytes each) and 50 on /b, times 1000*i ns, chunks of ~2 KiB. */
    private Path sample(String name, McapWriteOptions o) {
        return sample(name, o, false);
    }

    /** As above; with {@code noisy} the first 99 payload bytes are pseudo-random and 4000 bytes long, so zstd cannot shrink
     * them and the chunk spans several 128 KiB zstd blocks (a cut stream yields whole blocks only). */
    private Path sample(String name, McapWriteOptions o, boolean noisy) {
        java.util.Random rnd = new java.util.Random(1);
        Path f = dir.resolve(name);
        try (McapWriter w = McapWriter.create(f, o)) {
            int s = w.addSchema("test/msg/A", "ros2msg", "int32 x".getBytes(StandardCharsets.UTF_8));
            int a = w.addChannel(s, "/a", "cdr", Map.of("k", "v"));
            int b = w.addChannel(s, "/b", "cdr", Map.of());
            for (int i = 0; i < 100; i++) {
                byte[] p = new byte[noisy ? 4000 : 100];
                Arrays.fill(p, (byte) i);
                if (noisy) {
                    rnd.nextBytes(p);
                    p[p.length - 1] = (byte) i;
                }
                w.write(a, i, 1000L * i, 1000L * i, p);
                if (i % 2 == 0) {
                    w.write(b, i, 1000L * i + 1, 1000L * i + 1, new byte[] {(byte) i});
                }
            }
        }
        return f;
    }

    private static final class Collect implements McapVisitor {
        final List<McapMessage> messages = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        final List<McapSchema> schemas = new ArrayList<>();

        @Override
        public void schema(McapSchema schema) {
            schemas.add(schema);
        }

        @Override
        public void message(McapMessage m, McapChannel c) {
            messages.add(m);
            topics.add(c.topic());
        }

        long count(String topic) {
            return topics.stream().filter(topic::equals).count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zstd", "lz4"})
    void indexedFileGivesEveryMessageInTimeOrder(String compression) {
        Path f = sample("a.mcap", McapWriteOptions.defaults("ros2").withCompression(compression).withChunkBytes(2048));
        Collect c = new Collect();
        McapReadResult r = McapReader.read(f, c);
        assertTrue(r.indexed());
        assertEquals(List.of(), r.losses());
        assertEquals(150, r.messages());
        assertEquals(100, c.count("/a"));
        assertEquals(50, c.count("/b"));
        assertEquals("int32 x", new String(c.schemas.get(0).data(), StandardCharsets.UTF_8));
        for (int i = 1; i < c.messages.size(); i++) {
            assertTrue(c.messages.get(i).logTimeNs() >= c.messages.get(i - 1).logTimeNs());
        }
        // message 7 on /a: 100 bytes of value 7, at 7000 ns
        McapMessage m = c.messages.stream().filter(x -> x.logTimeNs() == 7000).findFirst().orElseThrow();
        assertEquals(100, m.data().length);
        assertEquals(7, m.data()[99]);
    }

    @Test
    void unindexedAndUnchunkedFilesAreScanned() {
        Collect c1 = new Collect();
        McapReadResult r1 = McapReader.read(sample("u.mcap", McapWriteOptions.defaults("").withIndexed(false)), c1);
        assertFalse(r1.indexed());
        assertEquals(150, r1.messages());
        assertEquals(List.of(), r1.losses());
        Collect c2 = new Collect();
        McapReadResult r2 = McapReader.read(sample("c.mcap", McapWriteOptions.defaults("").withChunked(false)), c2);
        assertFalse(r2.indexed());
        assertEquals(150, r2.messages());
        assertEquals(50, c2.count("/b"));
    }

    @Test
    void truncatedFileKeepsEveryCompleteMessageAndReportsTheCut() throws IOException {
        Path full = sample("t.mcap", McapWriteOptions.defaults("").withCompression("").withChunkBytes(2048));
        byte[] all = Files.readAllBytes(full);
        // cut in the middle of the file: with uncompressed chunks every message before the cut survives
        int cut = all.length / 2;
        Path f = dir.resolve("cut.mcap");
        Files.write(f, Arrays.copyOf(all, cut));
        Collect c = new Collect();
        McapReadResult r = McapReader.read(f, c);
        assertFalse(r.indexed());
        assertEquals(1, r.losses().size());
        McapLoss loss = r.losses().get(0);
        assertTrue(loss.reason().startsWith("truncated"), loss.reason());
        assertEquals(cut, loss.offset() + loss.length());
        // every message delivered is complete and they are the first ones in time order
        assertTrue(r.messages() > 50 && r.messages() < 150, "messages " + r.messages());
        for (int i = 0; i < c.messages.size(); i++) {
            McapMessage m = c.messages.get(i);
            if (m.data().length == 100) {
                assertEquals((byte) (m.logTimeNs() / 1000), m.data()[99]);
            }
        }
    }

    @Test
    void truncatedZstdChunkStillGivesItsCompleteMessages() throws IOException {
        Path full = sample("z.mcap", McapWriteOptions.defaults("").withChunkBytes(1 << 20), true);
        byte[] all = Files.readAllBytes(full);
        // one chunk holds everything; cut it in its last quarter
        Path f = dir.resolve("zcut.mcap");
        Files.write(f, Arrays.copyOf(all, all.length * 3 / 4));
        Collect c = new Collect();
        McapReadResult r = McapReader.read(f, c);
        assertEquals(1, r.losses().size());
        assertTrue(r.losses().get(0).reason().contains("recovered " + r.messages()), r.losses().get(0).reason());
        // the chunk (~400 KB) is nearly the whole file; the cut at 3/4 keeps two whole 128 KiB zstd
        // blocks at least (~64 messages of 4 KB), never more than the 3/4 before the cut (~113)
        assertTrue(r.messages() >= 60 && r.messages() < 115, "messages " + r.messages());
        for (McapMessage m : c.messages) {
            if (m.data().length == 4000) {
                assertEquals((byte) (m.logTimeNs() / 1000), m.data()[3999]);
            }
        }
    }

    @Test
    void chunkWithBadCrcIsSkippedAndItsLossCountedPerTopic() throws IOException {
        Path full = sample("crc.mcap", McapWriteOptions.defaults("").withCompression("").withChunkBytes(1 << 20));
        byte[] all = Files.readAllBytes(full);
        // flip a payload byte of the first /a message inside the single chunk: find 100 bytes of 0x05
        byte[] needle = new byte[100];
        Arrays.fill(needle, (byte) 5);
        int at = indexOf(all, needle);
        all[at + 50] ^= 0x7F;
        Path f = dir.resolve("bad.mcap");
        Files.write(f, all);
        Collect c = new Collect();
        McapReadResult r = McapReader.read(f, c);
        // the summary is intact and indexed, so the chunk index finds the chunk and its CRC fails
        assertEquals(0, r.messages());
        assertEquals(1, r.losses().size());
        assertTrue(r.losses().get(0).reason().contains("CRC mismatch"), r.losses().get(0).reason());
        assertEquals(Map.of("/a", 100L, "/b", 50L), r.losses().get(0).messagesByTopic());
    }

    /**
     * Chunks of at least 1 MiB are mapped from the file rather than read (ChunkBuffers.MAP_BYTES): three 600 000-byte
     * messages (message i: every byte i + 1, at 1000·i ns) in one uncompressed chunk of about 1.8 MB come back
     * whole, through the chunk index and through the linear scan of an unindexed copy; cut inside the chunk, the
     * file recovers the messages before the cut and reports the rest lost, reading nothing past its end.
     */
    @Test
    void chunksOverAMebibyteAreReadWholeIndexedOrScannedAndACutOneIsALoss() throws IOException {
        for (boolean indexed : new boolean[] {true, false}) {
            Path f = dir.resolve("big-" + indexed + ".mcap");
            try (McapWriter w = McapWriter.create(f, McapWriteOptions.defaults("").withCompression("")
                    .withChunkBytes(4 << 20).withIndexed(indexed))) {
                int a = w.addChannel(w.addSchema("test/msg/A", "ros2msg", new byte[0]), "/a", "cdr", Map.of());
                for (int i = 0; i < 3; i++) {
                    byte[] p = new byte[600_000];
                    Arrays.fill(p, (byte) (i + 1));
                    w.write(a, i, 1000L * i, 1000L * i, p);
                }
            }
            Collect c = new Collect();
            McapReadResult r = McapReader.read(f, c);
            assertEquals(indexed, r.indexed());
            assertEquals(List.of(), r.losses());
            assertEquals(3, c.messages.size());
            for (int i = 0; i < 3; i++) {
                byte[] expected = new byte[600_000];
                Arrays.fill(expected, (byte) (i + 1));
                assertArrayEquals(expected, c.messages.get(i).data());
                assertEquals(1000L * i, c.messages.get(i).logTimeNs());
            }
            if (!indexed) {
                Path cut = dir.resolve("cut.mcap");
                Files.write(cut, Arrays.copyOf(Files.readAllBytes(f), 1_500_000));
                Collect cc = new Collect();
                McapReadResult rc = McapReader.read(cut, cc);
                // messages 0 and 1 end before byte 1 500 000 (about 1.2 MB of payload in): recovered; message 2 is lost
                assertEquals(2, rc.messages());
                assertEquals(1, rc.losses().size());
            }
        }
    }

    /**
     * A bag truncated by another process while its mapped chunks are read (a recorder rotating the file, a
     * user's cleanup): the fault the JVM raises for the mapping becomes a one-line bad-input error naming the
     * file and both sizes, not an internal error. Four 600 000-byte messages, chunks of 1 MiB or more: mapped;
     * the visitor cuts the file to 100 bytes at the first message.
     */
    @Test
    void aBagTruncatedWhileMappedIsBadInputNamingBothSizes() throws IOException {
        Path f = dir.resolve("shrinking.mcap");
        try (McapWriter w = McapWriter.create(f, McapWriteOptions.defaults("").withCompression("")
                .withChunkBytes(1 << 20))) {
            int a = w.addChannel(w.addSchema("test/msg/A", "ros2msg", new byte[0]), "/a", "cdr", Map.of());
            for (int i = 0; i < 4; i++) {
                w.write(a, i, 1000L * i, 1000L * i, new byte[600_000]);
            }
        }
        long size = Files.size(f);
        McapVisitor cutter = new McapVisitor() {
            private boolean cut;

            @Override
            public void message(McapMessage m, McapChannel c) {
                if (!cut) {
                    cut = true;
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                            java.nio.file.StandardOpenOption.WRITE)) {
                        ch.truncate(100);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        BadInputException e = assertThrows(BadInputException.class, () -> McapReader.read(f, cutter));
        assertEquals(f + ": truncated by another process while being read (" + size + " bytes at the start, 100 now)",
                e.getMessage());
    }

    /**
     * Chunks are loaded ahead on a thread of their own (ChunkReadAhead): a visitor that gives up at the first
     * message (of 75 chunks, the loader is then a few chunks ahead and waiting) gets its own exception back, and the
     * loader thread is gone when read returns.
     */
    @Test
    void aVisitorThatGivesUpStopsTheChunkLoader() {
        Path f = sample("stop.mcap", McapWriteOptions.defaults("ros2").withCompression("zstd").withChunkBytes(256));
        IllegalStateException stop = new IllegalStateException("visitor gave up");
        McapVisitor quitter = new McapVisitor() {
            @Override
            public void message(McapMessage m, McapChannel c) {
                throw stop;
            }
        };
        assertEquals(stop, assertThrows(IllegalStateException.class, () -> McapReader.read(f, quitter)));
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("mcap-chunk-loader") && t.isAlive()), "loader thread left running");
    }

    @Test
    void notAnMcapFileIsBadInput() throws IOException {
        Path f = dir.resolve("x.mcap");
        Files.writeString(f, "hello world");
        BadInputException e = assertThrows(BadInputException.class, () -> McapReader.read(f, new Collect()));
        assertTrue(e.getMessage().contains("not an MCAP file"), e.getMessage());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("needle not found");
    }
}
