package io.avreplay.replay.arrow;

import io.avreplay.error.CorruptLogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a log's files may be: regular files inside the log directory. The manifest's names are already
 * normalized relative paths ({@link ManifestCodec}); this checks what they resolve to on disk, so a
 * symbolic link out of the log, a device or a FIFO is refused before anything reads it. Stateless.
 */
final class LogFiles {
    private LogFiles() {
    }

    /**
     * @return {@code dir.resolve(relative)}
     * @throws CorruptLogException when the file is missing, not a regular file, or resolves (through a
     *                             link) to a place outside {@code dir}
     */
    static Path inside(Path dir, String relative) {
        Path f = dir.resolve(relative);
        if (!Files.exists(f)) {
            throw new CorruptLogException(f + ": listed in the manifest but missing");
        }
        if (!Files.isRegularFile(f)) {
            throw new CorruptLogException(f + ": not a regular file (a log holds only regular files)");
        }
        try {
            Path real = f.toRealPath();
            Path root = dir.toRealPath();
            if (!real.startsWith(root)) {
                throw new CorruptLogException(f + ": resolves to " + real + ", outside the log directory " + root);
            }
        } catch (IOException e) {
            throw new CorruptLogException(f + ": cannot resolve: " + e.getMessage(), e);
        }
        return f;
    }

    /** Keeps the first failure and records later ones as suppressed. */
    static RuntimeException chain(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
