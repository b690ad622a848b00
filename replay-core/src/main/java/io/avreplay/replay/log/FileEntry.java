package io.avreplay.replay.log;

import java.util.Objects;

/**
 * Size and checksum of one file of a log, as recorded in the manifest.
 *
 * @param bytes  file length in bytes
 * @param crc32c CRC-32C of the whole file, 8 lower-case hex digits
 */
public record FileEntry(long bytes, String crc32c) {
    public FileEntry {
        Objects.requireNonNull(crc32c, "crc32c");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
    }
}
