package io.avreplay.fleet.job;

import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Fleet locations: a plain local path, a {@code file:} URI, or a URI of any file system Hadoop's
 * {@link FileSystem} knows on the cluster ({@code hdfs://}, {@code s3a://}, ...). Local locations are read
 * and written in place; the others through {@link FileSystem} (logs copied to executor-local disk with
 * {@link LocalCopy}, outputs committed with {@link JobOutput}).
 */
public final class FleetPaths {
    private FleetPaths() {
    }

    /** @return whether {@code location} is a plain path or a {@code file:} URI */
    static boolean isLocal(String location) {
        return location.startsWith("file:") || !hasScheme(location);
    }

    private static boolean hasScheme(String location) {
        return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");
    }

    /**
     * @return the local path of a local location
     * @throws IllegalArgumentException when {@code location} is not local
     */
    static Path localPath(String location) {
        if (location.startsWith("file:")) {
            return Path.of(new org.apache.hadoop.fs.Path(location).toUri().getPath());
        }
        if (hasScheme(location)) {
            throw new IllegalArgumentException(location + " is not a local path");
        }
        return Path.of(location);
    }

    /** @return {@code location} as a Hadoop path (a local one as its absolute {@code file:} URI) */
    static org.apache.hadoop.fs.Path hadoopPath(String location) {
        if (isLocal(location)) {
            return new org.apache.hadoop.fs.Path("file", null, localPath(location).toAbsolutePath().normalize().toString());
        }
        return new org.apache.hadoop.fs.Path(location); // Hadoop's parser: glob characters need no escaping
    }

    /**
     * @return the file system of {@code path}
     * @throws InvalidConfigException when no file system is configured for its scheme (no implementation on
     *                                the class path, no {@code fs.<scheme>.impl})
     */
    static FileSystem fileSystem(org.apache.hadoop.fs.Path path, Configuration conf) throws IOException {
        try {
            return path.getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            throw new InvalidConfigException(path + ": no Hadoop file system for scheme '" + path.toUri().getScheme()
                    + "' (put its implementation on the class path or set spark.hadoop.fs."
                    + path.toUri().getScheme() + ".impl)");
        }
    }

    /** @return whether {@code location} is a regular file */
    static boolean isFile(String location, Configuration conf) throws IOException {
        if (isLocal(location)) {
            return java.nio.file.Files.isRegularFile(localPath(location));
        }
        org.apache.hadoop.fs.Path p = hadoopPath(location);
        FileSystem fs = fileSystem(p, conf);
        return fs.exists(p) && fs.getFileStatus(p).isFile();
    }

    /** @return {@code child} (a relative path with {@code /}) under the location {@code parent} */
    static String resolve(String parent, String child) {
        if (isLocal(parent)) {
            return localPath(parent).resolve(child).toString();
        }
        return parent.endsWith("/") ? parent + child : parent + "/" + child;
    }

    /**
     * Expands globs (an argument with {@code *}, {@code ?}, {@code [} or <code>{</code>) with
     * {@link FileSystem#globStatus}, matches sorted by path; other arguments as given. A local glob's matches
     * are plain paths (relative when the glob was), another file system's are URIs.
     *
     * @param conf the driver's Hadoop configuration (Spark's {@code hadoopConfiguration()})
     * @throws BadInputException when a glob matches nothing
     */
    public static List<String> expand(List<String> args, Configuration conf) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!a.matches(".*[*?\\[{].*")) {
                out.add(a);
                continue;
            }
            org.apache.hadoop.fs.Path glob = hadoopPath(a);
            FileStatus[] hits;
            try {
                hits = fileSystem(glob, conf).globStatus(glob);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot expand " + a + ": " + e.getMessage(), e);
            }
            if (hits == null || hits.length == 0) {
                throw new BadInputException(a + ": the glob matches no log");
            }
            Arrays.sort(hits);
            for (FileStatus h : hits) {
                out.add(display(a, h.getPath()));
            }
        }
        return out;
    }

    private static String display(String arg, org.apache.hadoop.fs.Path hit) {
        if (!isLocal(arg) || arg.startsWith("file:")) {
            return hit.toString();
        }
        Path abs = Path.of(hit.toUri().getPath());
        if (Path.of(arg).isAbsolute()) {
            return abs.toString();
        }
        return Path.of("").toAbsolutePath().relativize(abs).toString();
    }
}
