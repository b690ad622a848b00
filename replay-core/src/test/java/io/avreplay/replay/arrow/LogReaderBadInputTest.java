package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.error.CorruptLogException;
import io.avreplay.error.SchemaMismatchException;
import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.LogMetadata;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Every kind of unreadable log gets a specific exception whose one-line message names the file. */
class LogReaderBadInputTest extends FixtureLogTest {
    @Test
    void missingManifestSaysIncomplete() throws IOException {
        Files.delete(log.resolve("log.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("log.json") && e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void directoryWithoutLogFilesIsNotALog() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        BadInputException e = assertThrows(BadInputException.class, () -> LogReader.open(empty, allocator));
        assertTrue(e.getMessage().contains("not a log directory"), e.getMessage());
    }

    @Test
    void regularFileIsNotALog() throws IOException {
        Path f = Files.writeString(tmp.resolve("file.txt"), "hello");
        BadInputException e = assertThrows(BadInputException.class, () -> LogReader.open(f, allocator));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not a log"), e.getMessage());
    }

    @Test
    void truncatedArrowFileIsCorrupt() throws IOException {
        Path lidar = log.resolve("lidar/lidar_top.arrow");
        try (FileChannel ch = FileChannel.open(lidar, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        CorruptLogException e = assertThrows(CorruptLogException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("lidar/lidar_top.arrow") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedFileWithMatchingManifestSizeIsStillCaught() throws IOException {
        Path lidar = log.resolve("lidar/lidar_top.arrow");
        try (FileChannel ch = FileChannel.open(lidar, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 40); // cut the footer
        }
        patchManifestEntry("lidar/lidar_top.arrow");
        CorruptLogException e = assertThrows(CorruptLogException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("lidar_top.arrow") && e.getMessage().contains("not a readable Arrow"),
                e.getMessage());
    }

    @Test
    void missingColumnIsASchemaMismatch() throws IOException {
        List<Field> fields = new ArrayList<>(LogSchemas.lidar("lidar_top").getFields());
        fields.removeIf(f -> f.getName().equals("z"));
        rewriteLidar(new Schema(fields));
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("lidar_top.arrow") && e.getMessage().contains("'z' is missing"), e.getMessage());
    }

    @Test
    void wrongColumnTypeIsASchemaMismatch() throws IOException {
        List<Field> fields = new ArrayList<>(LogSchemas.lidar("lidar_top").getFields());
        fields.replaceAll(f -> f.getName().equals("x") ? new Field("x", FieldType.notNullable(LogSchemas.F64), null) : f);
        rewriteLidar(new Schema(fields));
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("'x' has type FloatingPoint(DOUBLE)")
                && e.getMessage().contains("expected FloatingPoint(SINGLE)"), e.getMessage());
    }

    @Test
    void unknownFormatVersionIsRejected() throws IOException {
        Path m = log.resolve("log.json");
        Files.writeString(m, Files.readString(m).replace("\"format_version\" : 1", "\"format_version\" : 2"));
        BadInputException e = assertThrows(BadInputException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("format_version 2 is not supported (expected 1)"), e.getMessage());
    }

    @Test
    void malformedManifestNamesLineAndColumn() throws IOException {
        Files.writeString(log.resolve("log.json"), "{\n  \"format_version\": 1,\n  oops\n}");
        BadInputException e = assertThrows(BadInputException.class, () -> LogReader.open(log, allocator));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void flippedByteFailsTheChecksumAndNamesTheBatch() throws IOException {
        Path lidar = log.resolve("lidar/lidar_top.arrow");
        byte[] bytes = Files.readAllBytes(lidar);
        int middle = bytes.length / 2;
        bytes[middle] ^= 0x55;
        Files.write(lidar, bytes);
        try (LogReader r = LogReader.open(log, allocator)) {
            List<String> problems = r.verifyChecksums();
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).contains("lidar_top.arrow: checksum mismatch"), problems.get(0));
            FrameStream<?> s = r.lidar("lidar_top");
            int failing = 0;
            for (int i = 0; i < s.size(); i++) {
                try {
                    s.verify(i);
                } catch (CorruptLogException e) {
                    failing++;
                    assertTrue(e.getMessage().contains("batch " + i), e.getMessage());
                }
            }
            assertEquals(1, failing, "exactly the batch holding the flipped byte fails");
        }
    }

    @Test
    void writerWithoutCommitLeavesNothing() throws IOException {
        Path out = tmp.resolve("aborted");
        try (LogWriter w = LogWriter.create(out, new LogMetadata("x", "v", "l", Map.of()), allocator, WriteOptions.defaults())) {
            w.writeLidarSweep(TestLogs.sweep("lidar_top", 1, 0, 10));
            assertFalse(Files.exists(out), "nothing at the destination before commit");
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(log), s.toList(), "the temporary directory is removed");
        }
    }

    @Test
    void writerRejectsOutOfOrderFrames() {
        Path out = tmp.resolve("unordered");
        try (LogWriter w = LogWriter.create(out, new LogMetadata("x", "v", "l", Map.of()), allocator, WriteOptions.defaults())) {
            w.writeLidarSweep(TestLogs.sweep("lidar_top", 100, 0, 10));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.writeLidarSweep(TestLogs.sweep("lidar_top", 50, 1, 10)));
            assertTrue(e.getMessage().contains("before the previous frame"), e.getMessage());
        }
    }

    @Test
    void writerRefusesToOverwriteUnlessAsked() {
        assertThrows(io.avreplay.error.AvreplayException.class, () -> LogWriter.create(log,
                new LogMetadata("x", "v", "l", Map.of()), allocator, WriteOptions.defaults()));
        LogManifest m = TestLogs.write(log, allocator, TestLogs.Spec.small().withId("replaced")
                .withOptions(WriteOptions.defaults().withOverwrite(true)));
        assertEquals("replaced", LogReader.readManifest(log).logId());
        assertEquals("replaced", m.logId());
    }

    private void rewriteLidar(Schema schema) throws IOException {
        Path lidar = log.resolve("lidar/lidar_top.arrow");
        Files.delete(lidar);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             FileChannel ch = FileChannel.open(lidar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
            root.allocateNew();
            root.setRowCount(0);
            w.start();
            for (int i = 0; i < 10; i++) {
                w.writeBatch();
            }
            w.end();
        }
        patchManifestEntry("lidar/lidar_top.arrow");
    }

    /** Makes the manifest agree with a file we changed on purpose, so a later check is what fails. */
    private void patchManifestEntry(String rel) throws IOException {
        LogManifest m = ManifestCodec.read(log.resolve("log.json"));
        TreeMap<String, FileEntry> files = new TreeMap<>(m.files());
        Path f = log.resolve(rel);
        files.put(rel, new FileEntry(Files.size(f), LogChecksums.crc32c(f)));
        ManifestCodec.write(new LogManifest(m.formatVersion(), m.logId(), m.vehicle(), m.location(), m.startNs(),
                m.endNs(), m.compression(), m.createdBy(), m.streams(), m.tags(), files), log.resolve("log.json"));
    }
}
