package io.avreplay.replay.mcap;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one read of an MCAP file delivered.
 *
 * @param file     the file
 * @param indexed  true when the messages were located through the summary's chunk indexes; false
 *                 when the reader scanned the data section linearly
 * @param messages complete messages delivered
 * @param losses   unreadable parts, in file order (empty for an intact file)
 */
public record McapReadResult(Path file, boolean indexed, long messages, List<McapLoss> losses) {
    public McapReadResult {
        Objects.requireNonNull(file, "file");
        losses = List.copyOf(losses);
    }
}
