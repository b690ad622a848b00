package io.avreplay.replay.arrow;

import io.avreplay.error.CorruptLogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.avreplay.replay.log.FileEntry;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;

/**
 * Where a log's files may be: regular files inside the log directory. The manifest's names are already
 * normalized relative paths ({@link ManifestCodec}); this checks what they resolve to on disk, so a
 * symbolic link out of the log, a device or a FIFO is refused before anything reads it; and that each
 * listed file has the size the manifest records. Stateless.
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

    /**
     * Checks that every file the manifest lists is a regular file inside {@code dir} of the recorded
     * size, and that every stream has a file entry (no file is read).
     *
     * @throws CorruptLogException naming the file otherwise
     */
    static void checkListed(Path dir, LogManifest manifest) {
        for (Map.Entry<String, FileEntry> e : manifest.files().entrySet()) {
            Path f = inside(dir, e.getKey());
            long size;
            try {
                size = Files.size(f);
            } catch (IOException ex) {
                throw new CorruptLogException(f + ": cannot read size: " + ex.getMessage(), ex);
            }
            if (size != e.getValue().bytes()) {
                throw new CorruptLogException(f + ": file is " + size + " bytes but the manifest records "
                        + e.getValue().bytes() + " (truncated or modified)");
            }
        }
        for (StreamInfo s : manifest.streams()) {
            if (!manifest.files().containsKey(s.file())) {
                throw new CorruptLogException(dir.resolve(LogManifest.FILE_NAME) + ": stream '" + s.name()
                        + "' has no entry in 'files'");
            }
        }
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
