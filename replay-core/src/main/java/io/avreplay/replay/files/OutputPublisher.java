package io.avreplay.replay.files;

import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Publishes one output of a command: everything is written to a fresh hidden temporary beside the
 * destination ({@code .NAME.partial-<pid>-<nonce>}) and renamed into place, so a crash leaves either the
 * old output or the new one, never half of one. The rules every writing command follows:
 * <ul>
 *   <li>an existing destination is refused ({@link InvalidConfigException}, exit 2) unless overwriting was
 *       asked for;</li>
 *   <li>overwriting replaces only an earlier output of the same {@link OutputKind}: a file only a regular
 *       file, a directory only a directory holding the kind's marker, never a directory with a file;</li>
 *   <li>the working directory, any parent of it and the file-system root are never replaced;</li>
 *   <li>abandoned temporaries of the same destination (their process is gone) are removed first, and the
 *       temporary is removed when writing fails.</li>
 * </ul>
 * Not thread-safe: one publisher per output, used by one thread.
 */
public final class OutputPublisher {
    private final Path destination;
    private final OutputKind kind;
    private final boolean overwrite;
    private Path temp;

    private OutputPublisher(Path destination, OutputKind kind, boolean overwrite) {
        this.destination = destination;
        this.kind = kind;
        this.overwrite = overwrite;
    }

    /** Fills the temporary path: a file to create, or an empty directory that already exists. */
    @FunctionalInterface
    public interface Body {
        /** @param temp where to write; moved to the destination afterwards */
        void write(Path temp) throws IOException;
    }

    /**
     * A publisher for {@code destination}; checks it at once (see {@link #check}).
     *
     * @throws InvalidConfigException when the destination may not be written
     */
    public static OutputPublisher to(Path destination, OutputKind kind, boolean overwrite) {
        Path dest = destination.toAbsolutePath().normalize();
        check(dest, kind, overwrite);
        return new OutputPublisher(dest, kind, overwrite);
    }

    /**
     * Writes and publishes an output in one call: {@link #begin}, {@code body}, {@link #commit}, with
     * {@link #abort} when anything fails.
     *
     * @throws InvalidConfigException when the destination may not be written
     * @throws UncheckedIOException   naming the destination when writing or renaming fails
     */
    public static void write(Path destination, OutputKind kind, boolean overwrite, Body body) {
        OutputPublisher p = to(destination, kind, overwrite);
        Path t = p.begin();
        try {
            body.write(t);
            p.commit();
        } catch (IOException e) {
            p.abort();
            throw new UncheckedIOException("cannot write " + p.destination + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            p.abort();
            throw e;
        }
    }

    /**
     * Checks that {@code destination} may be written as {@code kind}: before the work starts, so that a
     * refusal costs nothing.
     *
     * @throws InvalidConfigException (exit 2) naming the path and the reason
     */
    public static void check(Path destination, OutputKind kind, boolean overwrite) {
        Path dest = destination.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (dest.getParent() == null || cwd.startsWith(dest)) {
            throw new InvalidConfigException(destination + ": is the working directory or one of its parents; "
                    + "choose an output below it");
        }
        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!overwrite) {
            throw new InvalidConfigException(destination + ": already exists (choose another --out or pass --overwrite)");
        }
        if (!kind.directory()) {
            if (!Files.isRegularFile(dest, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidConfigException(destination + ": exists and is not a regular file; --overwrite "
                        + "replaces only an earlier " + kind.name() + " file");
            }
            return;
        }
        if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS) || !isMarked(dest, kind)) {
            throw new InvalidConfigException(destination + ": exists and is not an earlier " + kind.name()
                    + " output (no " + kind.marker() + (kind.writesMarker() ? " saying " + kind.name() : "")
                    + "); --overwrite replaces only that, so move or delete it yourself");
        }
    }

    private static boolean isMarked(Path dir, OutputKind kind) {
        Path marker = dir.resolve(kind.marker());
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!kind.writesMarker()) {
            return true;
        }
        try {
            return Files.size(marker) < 256 && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(kind.name());
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the absolute, normalized destination */
    public Path destination() {
        return destination;
    }

    /**
     * Removes abandoned temporaries of this destination and returns a fresh temporary: for a directory
     * kind an empty directory, for a file kind a path that does not exist yet.
     *
     * @throws UncheckedIOException when the parent or the temporary cannot be created
     */
    public Path begin() {
        if (temp != null) {
            throw new IllegalStateException("begin() called twice for " + destination);
        }
        try {
            Files.createDirectories(destination.getParent());
            PartialNames.removeAbandoned(destination, Instant.now());
            Path t = PartialNames.partial(destination);
            if (kind.directory()) {
                Files.createDirectory(t);
            }
            temp = t;
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + destination + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the marker (for kinds that own one) and renames the temporary into place, replacing an
     * earlier output of the same kind when overwriting was asked for (checked again here).
     *
     * @throws InvalidConfigException when the destination changed into something that may not be replaced
     * @throws UncheckedIOException   when renaming fails; the temporary is then removed
     */
    public void commit() {
        if (temp == null) {
            throw new IllegalStateException("commit() without begin() for " + destination);
        }
        try {
            if (kind.writesMarker()) {
                Files.writeString(temp.resolve(kind.marker()), kind.name() + "\n", StandardCharsets.UTF_8);
            }
            check(destination, kind, overwrite);
            if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                replace();
            } else {
                move(temp, destination);
            }
            temp = null;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write " + destination + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void replace() throws IOException {
        if (!kind.directory()) {
            move(temp, destination);
            return;
        }
        Path old = PartialNames.old(destination);
        move(destination, old);
        try {
            move(temp, destination);
        } catch (IOException e) {
            move(old, destination);
            throw e;
        }
        FileTrees.deleteQuietly(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the temporary, if any; never throws. Idempotent. */
    public void abort() {
        if (temp != null) {
            FileTrees.deleteQuietly(temp);
            temp = null;
        }
    }
}
