package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.error.ChecksumMismatchException;
import io.avreplay.error.CorruptLogException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Regression tests for the reliability findings D3-D7 and D9 (2026-12) on the read side. */
class ReaderHardeningTest extends ArrowTest {
    Path log;

    @BeforeEach
    void setUp() {
        log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small().withOptions(WriteOptions.defaults()
                .withCompression(Compression.NONE)));
    }

    /** D4: a plain read (render, export, eval) checks the batch CRC unless the reader was opened with SKIP. */
    @Test
    void everyDecodeVerifiesUnlessSkipped() throws IOException {
        ArrowBlock b = block("annotations.arrow", 0);
        flip(log.resolve("annotations.arrow"), b.getOffset() + b.getMetadataLength() + 40);
        try (LogReader r = LogReader.open(log, allocator)) {
            var e = assertThrows(ChecksumMismatchException.class, () -> r.annotations3d().orElseThrow().read(0));
            assertTrue(e.getMessage().contains("annotations.arrow: batch 0"), e.getMessage());
        }
        try (LogReader r = LogReader.open(log, allocator, Checksums.SKIP)) {
            r.annotations3d().orElseThrow().read(1); // another batch, untouched
        }
    }

    /** D4: ego poses, calibration and index are checked whole at open. */
    @Test
    void smallFilesAreCheckedWholeAtOpen() throws IOException {
        for (String name : List.of("ego_pose.arrow", "calibration.arrow", "index.arrow")) {
            Path f = log.resolve(name);
            byte[] original = Files.readAllBytes(f);
            flip(f, original.length / 2);
            var e = assertThrows(ChecksumMismatchException.class, () -> LogReader.open(log, allocator));
            assertTrue(e.getMessage().startsWith(f + ": checksum mismatch"), e.getMessage());
            Files.write(f, original);
        }
    }

    /**
     * D4/D3a: a lidar batch whose field nodes say 4 000 000 rows while its buffers hold 500 points is
     * refused (an x buffer would need 4 000 000 x 4 bytes; it holds 500 x 4 = 2000), even without checksums.
     */
    @Test
    void batchLengthIsCheckedAgainstBufferSizes() throws IOException {
        Path f = log.resolve("lidar/lidar_top.arrow");
        assertTrue(ArrowPatches.patchNodeLengths(f, 0, 500, 4_000_000, allocator) > 0);
        try (LogReader r = LogReader.open(log, allocator, Checksums.SKIP)) {
            var e = assertThrows(CorruptLogException.class, () -> r.lidar("lidar_top").read(0));
            assertTrue(e.getMessage().startsWith(f + ": batch 0"), e.getMessage());
            assertTrue(e.getMessage().contains("4000000"), e.getMessage());
        }
    }

    /** D7: absolute paths, '..' and symbolic links out of the log are refused. */
    @Test
    void manifestPathsStayInsideTheLog() throws IOException {
        String json = Files.readString(log.resolve("log.json"));
        for (String bad : List.of("/etc/passwd", "../outside.arrow", "lidar/./lidar_top.arrow")) {
            Files.writeString(log.resolve("log.json"), json.replace("\"files\" : {", "\"files\" : {\n    \""
                    + bad + "\" : { \"bytes\" : 1, \"crc32c\" : \"00000000\" },"));
            var e = assertThrows(BadInputException.class, () -> LogReader.open(log, allocator));
            assertTrue(e.getMessage().contains("path '" + bad + "'"), e.getMessage());
        }
        Path outside = Files.writeString(tmp.resolve("outside.arrow"), "x");
        Files.createSymbolicLink(log.resolve("link.arrow"), outside);
        Files.writeString(log.resolve("log.json"), json.replace("\"files\" : {", "\"files\" : {\n    \"link.arrow\" : "
                + "{ \"bytes\" : 1, \"crc32c\" : \"00000000\" },"));
        var e = assertThrows(CorruptLogException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("outside the log directory"), e.getMessage());
    }

    /** D3d: a stream file that is a link to /dev/zero or a FIFO is refused before it is read. */
    @Test
    void nonRegularFilesAreRefused() throws IOException, InterruptedException {
        Path f = log.resolve("lidar/lidar_top.arrow");
        Files.delete(f);
        Files.createSymbolicLink(f, Path.of("/dev/zero"));
        var e = assertThrows(CorruptLogException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().equals(f + ": not a regular file (a log holds only regular files)"), e.getMessage());
        Files.delete(f);
        assertEquals(0, new ProcessBuilder("mkfifo", f.toString()).start().waitFor());
        e = assertThrows(CorruptLogException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    /** D3b, D5, D9: counts that wrap, negative counts, huge versions, repeated streams, bad format: exit 3. */
    @Test
    void manifestNumbersAndDuplicatesAreRefused() throws IOException {
        String json = Files.readString(log.resolve("log.json"));
        String count = json.substring(json.indexOf("\"count\" : "), json.indexOf(",", json.indexOf("\"count\" : ")));
        assertManifestRefused(json.replaceFirst(count, "\"count\" : 18446744073709551637"), "outside the signed 64-bit");
        assertManifestRefused(json.replaceFirst(count, "\"count\" : -1"), "(expected >= 0)");
        assertManifestRefused(json.replace("\"format_version\" : 1", "\"format_version\" : 99999999999999999999999"),
                "format_version");
        assertManifestRefused(json.replace("\"avreplay-log\"", "\"not-a-log\""), "'format'");
        assertManifestRefused(json.replace("\"compression\" : \"none\"", "\"compression\" : \"bogus\""), "'compression'");
        int s = json.indexOf("{", json.indexOf("\"streams\""));
        String first = json.substring(s, json.indexOf("}", s) + 1);
        assertManifestRefused(json.replace(first, first + ", " + first), "repeats stream");
    }

    private void assertManifestRefused(String manifest, String expected) throws IOException {
        Files.writeString(log.resolve("log.json"), manifest);
        var e = assertThrows(BadInputException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().startsWith(log.resolve("log.json").toString()) && e.getMessage().contains(expected),
                e.getMessage());
    }

    private ArrowBlock block(String file, int i) throws IOException {
        return ArrowPatches.block(log.resolve(file), i, allocator);
    }

    static void flip(Path f, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x10);
        }
    }
}
