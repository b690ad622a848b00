package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.StreamInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded, bounded fuzzing of the log reader (reliability finding 2026-12). Each case damages one file
 * of a small log in place (a bit flip, 1-4 random bytes, or {@code ff ff ff 7f} / {@code ff ff ff ff},
 * in the schema, a record batch or the footer of an Arrow file, or anywhere in {@code log.json}), opens
 * it with and without checksum verification and decodes every frame of every stream. The contract: the
 * reader either succeeds or throws a {@link BadInputException} (exit 3) whose one-line message names a
 * file of the log; never another exception, an {@link Error}, a leak (the allocator is closed after each
 * case) or a hang. Case {@code i} uses {@code new Random(SEED + i)}, so a failure names its seed.
 */
class LogReaderFuzzTest extends ArrowTest {
    private static final long SEED = 20261206L;
    private static final int CASES_PER_COMPRESSION = 300;

    @Test
    @Timeout(300) // a hang guard, not a speed assertion: 600 cases, each read twice
    void damagedLogsGiveOneLineBadInputOrACorrectResult() throws IOException {
        int i = 0;
        for (Compression c : List.of(Compression.NONE, Compression.ZSTD)) {
            Path log = tmp.resolve("log-" + c);
            TestLogs.write(log, allocator, TestLogs.Spec.small().withSweeps(4).withPoints(200)
                    .withOptions(WriteOptions.defaults().withCompression(c)));
            List<Path> files;
            try (Stream<Path> s = Files.walk(log)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (int k = 0; k < CASES_PER_COMPRESSION; k++, i++) {
                Random rnd = new Random(SEED + i);
                Path f = files.get(rnd.nextInt(files.size()));
                byte[] original = Files.readAllBytes(f);
                byte[] damaged = original.clone();
                String what = mutate(f, damaged, rnd);
                Files.write(f, damaged);
                try {
                    runCase(log, "seed " + (SEED + i) + ", " + f.getFileName() + " " + what);
                } finally {
                    Files.write(f, original);
                }
            }
        }
    }

    private void runCase(Path log, String label) {
        for (Checksums mode : Checksums.values()) {
            BufferAllocator child = allocator.newChildAllocator("case", 0, Long.MAX_VALUE);
            try {
                try (LogReader r = LogReader.open(log, child, mode)) {
                    for (StreamInfo s : r.manifest().streams()) {
                        FrameStream<?> fs = r.stream(s);
                        for (int j = 0; j < fs.size(); j++) {
                            fs.read(j);
                        }
                    }
                }
            } catch (BadInputException e) {
                String m = e.getMessage();
                assertTrue(m != null && !m.contains("\n") && m.contains(log.toString()),
                        label + " (" + mode + "): message must be one line naming a file of the log: " + m);
            } catch (Throwable t) {
                fail(label + " (" + mode + "): " + t, t);
            } finally {
                try {
                    child.close(); // throws on a leak
                } catch (IllegalStateException leak) {
                    fail(label + " (" + mode + "): " + leak.getMessage().lines().findFirst().orElse(""), leak);
                }
            }
        }
    }

    /** Damages {@code bytes} in place and says how. */
    private String mutate(Path f, byte[] bytes, Random rnd) throws IOException {
        int from = 0;
        int to = bytes.length;
        String region = "anywhere";
        if (f.toString().endsWith(".arrow")) {
            long[] b = batchRegion(f);
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    from = 8;
                    to = (int) Math.max(9, b[0]);
                    region = "schema";
                }
                case 1 -> {
                    from = (int) b[0];
                    to = (int) Math.max(from + 1, b[1]);
                    region = "batch";
                }
                default -> {
                    from = (int) Math.min(b[1], bytes.length - 1);
                    region = "footer";
                }
            }
        }
        to = Math.min(to, bytes.length);
        from = Math.min(from, to - 1);
        int at = from + rnd.nextInt(to - from);
        switch (rnd.nextInt(4)) {
            case 0 -> {
                int bit = rnd.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                return region + " bit " + bit + " of byte " + at;
            }
            case 1 -> {
                int n = 1 + rnd.nextInt(4);
                for (int j = 0; j < n && at + j < bytes.length; j++) {
                    bytes[at + j] = (byte) rnd.nextInt(256);
                }
                return region + " " + n + " random bytes at " + at;
            }
            default -> {
                byte[] word = rnd.nextBoolean() ? new byte[] {-1, -1, -1, 0x7f} : new byte[] {-1, -1, -1, -1};
                for (int j = 0; j < 4 && at + j < bytes.length; j++) {
                    bytes[at + j] = word[j];
                }
                return region + " word ffffff" + (word[3] == -1 ? "ff" : "7f") + " at " + at;
            }
        }
    }

    /** {first batch offset, end of the last batch} of an intact Arrow file. */
    private long[] batchRegion(Path f) throws IOException {
        try (var ch = Files.newByteChannel(f); var r = new ArrowFileReader(ch, allocator)) {
            List<ArrowBlock> blocks = r.getRecordBlocks();
            if (blocks.isEmpty()) {
                return new long[] {Files.size(f) / 2, Files.size(f) / 2};
            }
            ArrowBlock last = blocks.get(blocks.size() - 1);
            return new long[] {blocks.get(0).getOffset(),
                last.getOffset() + last.getMetadataLength() + last.getBodyLength()};
        }
    }
}
