package io.avreplay.replay.arrow;

import io.avreplay.error.ChecksumMismatchException;
import io.avreplay.error.CorruptLogException;
import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Whole-file CRC-32C checks of a log against its manifest: every file (for {@code validate}) or the small
 * files a {@link LogReader} reads whole at open (index, calibration, ego poses). Stream files are checked
 * batch by batch as they are read, elsewhere. Stateless.
 */
final class LogChecksums {
    private LogChecksums() {
    }

    /**
     * Recomputes the CRC-32C of every file a manifest lists (already checked to lie inside {@code dir}).
     *
     * @return one message per mismatching file (empty when all match)
     * @throws CorruptLogException when a file cannot be read
     */
    static List<String> verifyAll(Path dir, LogManifest manifest) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, FileEntry> e : manifest.files().entrySet()) {
            Path f = LogFiles.inside(dir, e.getKey());
            String actual = crc32c(f);
            if (!actual.equals(e.getValue().crc32c())) {
                problems.add(f + ": checksum mismatch (CRC-32C " + actual + ", manifest says " + e.getValue().crc32c() + ")");
            }
        }
        return problems;
    }

    /**
     * Index, calibration and poses are read whole at open, so they are checked whole.
     *
     * @throws ChecksumMismatchException naming the first small file that does not match
     */
    static void verifySmallFiles(Path dir, LogManifest manifest) {
        List<String> small = new ArrayList<>(List.of(LogSchemas.INDEX_FILE, LogSchemas.CALIBRATION_FILE));
        manifest.stream(StreamKind.EGO_POSE, "ego").ifPresent(s -> small.add(s.file()));
        for (String name : small) {
            FileEntry entry = manifest.files().get(name);
            if (entry == null) {
                continue;
            }
            Path f = dir.resolve(name);
            String actual = crc32c(f);
            if (!actual.equals(entry.crc32c())) {
                throw new ChecksumMismatchException(f + ": checksum mismatch (CRC-32C " + actual + ", manifest says "
                        + entry.crc32c() + ")");
            }
        }
    }

    /**
     * @return the file's CRC-32C as the manifest writes it
     * @throws CorruptLogException when the file cannot be read
     */
    static String crc32c(Path f) {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        } catch (IOException e) {
            throw new CorruptLogException(f + ": cannot read: " + e.getMessage(), e);
        }
        return Crc32cChannel.hex(crc.getValue());
    }
}
