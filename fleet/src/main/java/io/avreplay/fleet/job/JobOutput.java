package io.avreplay.fleet.job;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.files.OutputKind;
import io.avreplay.replay.files.OutputPublisher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;

/**
 * A job's output directory, committed atomically when the job ends: written under a temporary sibling,
 * then renamed into place. A local destination goes through {@link OutputPublisher} (its semantics: an
 * existing output is replaced only with {@code overwrite}, and only an earlier output of the same kind);
 * any other file system's through Hadoop's {@link FileSystem}, with the same rules (the kind's marker file,
 * the old output moved aside, then deleted). Tasks write through {@link #task()}. Used by the driver only;
 * not thread-safe.
 */
final class JobOutput {
    private final OutputKind kind;
    private final boolean overwrite;
    private final HadoopConf conf;
    private final OutputPublisher local;
    private final org.apache.hadoop.fs.Path destination;
    private final String temp;
    private final String name;
    private boolean open = true;

    private JobOutput(OutputKind kind, boolean overwrite, HadoopConf conf, OutputPublisher local,
            org.apache.hadoop.fs.Path destination, String temp, String name) {
        this.kind = kind;
        this.overwrite = overwrite;
        this.conf = conf;
        this.local = local;
        this.destination = destination;
        this.temp = temp;
        this.name = name;
    }

    /**
     * Checks {@code out} may be written as {@code kind} and creates the temporary directory.
     *
     * @throws InvalidConfigException when {@code out} exists and may not be replaced
     */
    static JobOutput begin(String out, OutputKind kind, boolean overwrite, HadoopConf conf) {
        if (!kind.directory()) {
            throw new IllegalArgumentException("kind must be a directory kind, got " + kind.name());
        }
        if (FleetPaths.isLocal(out)) {
            OutputPublisher p = OutputPublisher.to(FleetPaths.localPath(out), kind, overwrite);
            Path t = p.begin();
            return new JobOutput(kind, overwrite, conf, p, null, t.toString(), p.destination().toString());
        }
        org.apache.hadoop.fs.Path dest = FleetPaths.hadoopPath(out);
        try {
            FileSystem fs = FleetPaths.fileSystem(dest, conf.get());
            check(fs, dest, kind, overwrite);
            org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(dest.getParent(),
                    "." + dest.getName() + ".partial-" + UUID.randomUUID());
            if (!fs.mkdirs(t)) {
                throw new IOException("mkdirs returned false");
            }
            return new JobOutput(kind, overwrite, conf, null, dest, t.toString(), out.replaceAll("/+$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void check(FileSystem fs, org.apache.hadoop.fs.Path dest, OutputKind kind, boolean overwrite)
            throws IOException {
        if (!fs.exists(dest)) {
            return;
        }
        if (!overwrite) {
            throw new InvalidConfigException(dest + ": already exists (choose another --out or pass --overwrite)");
        }
        org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(dest, kind.marker());
        boolean ours = fs.getFileStatus(dest).isDirectory() && fs.exists(marker) && fs.getFileStatus(marker).getLen() < 256
                && new String(fs.open(marker).readAllBytes(), StandardCharsets.UTF_8).strip().equals(kind.name());
        if (!ours) {
            throw new InvalidConfigException(dest + ": exists and is not an earlier " + kind.name() + " output (no "
                    + kind.marker() + " saying " + kind.name() + "); --overwrite replaces only that, so move or delete "
                    + "it yourself");
        }
    }

    /**
     * Checks that the single file {@code out} may be written as {@code kind}: before the work starts.
     *
     * @throws InvalidConfigException when it exists and {@code overwrite} is false, or it is not a file
     */
    static void checkFile(String out, OutputKind kind, boolean overwrite, HadoopConf conf) {
        if (FleetPaths.isLocal(out)) {
            OutputPublisher.check(FleetPaths.localPath(out).toAbsolutePath().normalize(), kind, overwrite);
            return;
        }
        org.apache.hadoop.fs.Path dest = FleetPaths.hadoopPath(out);
        try {
            checkFile(FleetPaths.fileSystem(dest, conf.get()), dest, kind, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void checkFile(FileSystem fs, org.apache.hadoop.fs.Path dest, OutputKind kind, boolean overwrite)
            throws IOException {
        if (!fs.exists(dest)) {
            return;
        }
        if (!overwrite) {
            throw new InvalidConfigException(dest + ": already exists (choose another --out or pass --overwrite)");
        }
        if (!fs.getFileStatus(dest).isFile()) {
            throw new InvalidConfigException(dest + ": exists and is not a regular file; --overwrite replaces only an "
                    + "earlier " + kind.name() + " file");
        }
    }

    /**
     * Writes the single file {@code out} (UTF-8): through {@link OutputPublisher} when local, else under a
     * temporary sibling renamed into place (an earlier file, with {@code overwrite}, is deleted just before: a
     * Hadoop rename does not replace).
     *
     * @throws InvalidConfigException when {@code out} may not be written
     */
    static void writeFile(String out, OutputKind kind, boolean overwrite, HadoopConf conf, String content) {
        if (FleetPaths.isLocal(out)) {
            OutputPublisher.write(FleetPaths.localPath(out), kind, overwrite, t -> Files.writeString(t, content));
            return;
        }
        org.apache.hadoop.fs.Path dest = FleetPaths.hadoopPath(out);
        org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(dest.getParent(),
                "." + dest.getName() + ".partial-" + UUID.randomUUID());
        FileSystem fs = null;
        try {
            fs = FleetPaths.fileSystem(dest, conf.get());
            checkFile(fs, dest, kind, overwrite);
            try (OutputStream o = fs.create(t, false)) {
                o.write(content.getBytes(StandardCharsets.UTF_8));
            }
            checkFile(fs, dest, kind, overwrite);
            if (fs.exists(dest)) {
                fs.delete(dest, false);
            }
            rename(fs, t, dest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(fs, t);
        }
    }

    private static void deleteQuietly(FileSystem fs, org.apache.hadoop.fs.Path p) {
        try {
            if (fs != null && fs.exists(p)) {
                fs.delete(p, true);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the temporary's name marks it as abandoned
        }
    }

    /** @return the destination as results name it: an absolute path, or the URI as given (less a final {@code /}) */
    String destination() {
        return name;
    }

    /** @return what a task needs to write into the temporary directory */
    TaskOutput task() {
        return new TaskOutput(temp, local != null, conf);
    }

    /** Writes {@code content} (UTF-8) to {@code relative} under the temporary directory. */
    void writeString(String relative, String content) {
        try {
            if (local != null) {
                Files.writeString(Path.of(temp, relative), content);
                return;
            }
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(temp, relative);
            try (OutputStream o = FleetPaths.fileSystem(p, conf.get()).create(p, true)) {
                o.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " under " + temp + ": " + e.getMessage(), e);
        }
    }

    /** Renames the temporary directory into place (replacing an earlier output of the kind, if allowed). */
    void commit() {
        open = false;
        if (local != null) {
            local.commit();
            return;
        }
        org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(temp);
        try {
            FileSystem fs = FleetPaths.fileSystem(t, conf.get());
            writeString(kind.marker(), kind.name() + "\n");
            check(fs, destination, kind, overwrite);
            org.apache.hadoop.fs.Path old = null;
            if (fs.exists(destination)) {
                old = new org.apache.hadoop.fs.Path(destination.getParent(), "." + destination.getName() + ".old-"
                        + UUID.randomUUID());
                rename(fs, destination, old);
            }
            rename(fs, t, destination);
            if (old != null) {
                fs.delete(old, true);
            }
        } catch (IOException e) {
            abortQuietly();
            throw new UncheckedIOException("cannot write " + destination + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abortQuietly();
            throw e;
        }
    }

    private static void rename(FileSystem fs, org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to)
            throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    /** Removes the temporary directory, if the job did not commit; never throws. */
    void abort() {
        if (open) {
            open = false;
            abortQuietly();
        }
    }

    private void abortQuietly() {
        if (local != null) {
            local.abort();
            return;
        }
        try {
            org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(temp);
            FleetPaths.fileSystem(t, conf.get()).delete(t, true);
        } catch (IOException | RuntimeException e) {
            // best effort: the temporary's name marks it as abandoned
        }
    }

    /**
     * A task's view of the job output: a local job writes straight into the temporary directory (which must
     * be on a file system every executor mounts); any other job writes into a scratch directory of the
     * executor, and {@link #publish} copies the files into the temporary directory through {@link FileSystem}.
     *
     * @param temp  the job's temporary directory (a local path or a URI)
     * @param local whether {@code temp} is local
     * @param conf  the driver's Hadoop configuration
     */
    record TaskOutput(String temp, boolean local, HadoopConf conf) implements Serializable {
        /** @return the directory a task writes the job layout into; give it back to {@link #publish} */
        Path open() {
            if (local) {
                return Path.of(temp);
            }
            try {
                return Files.createTempDirectory("avreplay-task-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a task directory: " + e.getMessage(), e);
            }
        }

        /**
         * Copies {@code relatives} (files or directories under {@code dir}) into the job's temporary directory,
         * replacing what an earlier attempt of the task left there; a no-op for a local job.
         *
         * @throws UncheckedIOException when copying fails (the task fails, and Spark retries it)
         */
        void publish(Path dir, List<String> relatives) {
            if (local) {
                return;
            }
            try {
                FileSystem fs = FleetPaths.fileSystem(new org.apache.hadoop.fs.Path(temp), conf.get());
                for (String rel : relatives) {
                    org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(temp, rel);
                    fs.delete(dst, true);
                    fs.mkdirs(dst.getParent());
                    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(dir.resolve(rel).toUri()), dst);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot copy task output to " + temp + ": " + e.getMessage(), e);
            }
        }

        /** Deletes the scratch directory of a non-local job; never throws. */
        void close(Path dir) {
            if (!local) {
                LocalCopy.delete(dir);
            }
        }
    }
}
