package io.avreplay.replay.export;

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
            deleteTree(temp);
            body.write(temp);
            if (Files.isDirectory(dest)) {
                deleteTree(dest);
            }
            Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + dest + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException ignored) {
            // the original failure matters more than a leftover temporary file
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
