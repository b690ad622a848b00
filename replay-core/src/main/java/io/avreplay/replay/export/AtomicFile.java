package io.avreplay.replay.export;

import io.avreplay.replay.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file (or directory) under a hidden temporary name beside its destination, then renames it into place. */
final class AtomicFile {
    /** Fills the temporary path. */
    @FunctionalInterface
    interface Body {
        void write(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path destination, Body body) {
        Path dest = destination.toAbsolutePath().normalize();
        Path temp = dest.resolveSibling("." + dest.getFileName() + ".partial");
        try {
            Files.createDirectories(dest.getParent());
            FileTrees.delete(temp);
            body.write(temp);
            if (Files.isDirectory(dest)) {
                FileTrees.delete(dest);
            }
            Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            FileTrees.deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + dest + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            FileTrees.deleteQuietly(temp);
            throw e;
        }
    }
}
