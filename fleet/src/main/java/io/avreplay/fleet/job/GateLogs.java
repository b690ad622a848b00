package io.avreplay.fleet.job;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.LogRef;
import io.avreplay.scenario.catalog.LogRoot;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.synth.SynthRecipeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.hadoop.fs.FileSystem;

/**
 * The log root of {@code fleet gate} on the driver: every scenario's log made to exist before any task
 * starts (so tasks never race to generate a recipe log). A local root is the library's {@link LogRoot}
 * (recipe logs generated into its cache); a root on another file system is checked through Hadoop's
 * {@link FileSystem}, a missing recipe log generated in a local staging directory and copied to its cache
 * path there. Thread-safe (no state).
 */
final class GateLogs {
    private GateLogs() {
    }

    /**
     * Makes every scenario's log of {@code c} exist under {@code root}.
     *
     * @throws BadInputException when a scenario's log path is not under the root or its log is missing
     */
    static void prepare(Catalog c, String root, HadoopConf conf) {
        try (RootAllocator allocator = new RootAllocator()) {
            if (FleetPaths.isLocal(root)) {
                LogRoot local = new LogRoot(FleetPaths.localPath(root), Optional.of(new SynthRecipeGenerator(allocator)));
                c.scenarios().forEach(local::logDirectory);
                return;
            }
            Path staging = Files.createTempDirectory("avreplay-recipes-");
            try {
                LogRoot local = new LogRoot(staging, Optional.of(new SynthRecipeGenerator(allocator)));
                FileSystem fs = FleetPaths.fileSystem(FleetPaths.hadoopPath(root), conf.get());
                for (Scenario s : c.scenarios()) {
                    prepare(s, root, fs, local);
                }
            } finally {
                LocalCopy.delete(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the logs under " + root + ": " + e.getMessage(), e);
        }
    }

    private static void prepare(Scenario s, String root, FileSystem fs, LogRoot staging) throws IOException {
        String rel = relative(s);
        org.apache.hadoop.fs.Path remote = FleetPaths.hadoopPath(FleetPaths.resolve(root, rel));
        if (fs.exists(new org.apache.hadoop.fs.Path(remote, LogManifest.FILE_NAME))) {
            return;
        }
        if (!(s.log() instanceof LogRef.Recipe)) {
            throw new BadInputException(s.source().at("log") + " log '" + rel + "' not found under the log root " + root
                    + " (no " + LogManifest.FILE_NAME + ")");
        }
        Path made = staging.logDirectory(s);
        fs.delete(remote, true); // an incomplete earlier copy
        fs.mkdirs(remote.getParent());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(made.toUri()), remote);
    }

    /**
     * @return the scenario's log path relative to the log root, with {@code /}
     * @throws BadInputException when it is absolute or has a {@code ..} segment
     */
    static String relative(Scenario s) {
        String rel = s.log() instanceof LogRef.Recipe r ? r.cachePath() : ((LogRef.LogPath) s.log()).relativePath();
        if (rel.isEmpty() || rel.startsWith("/") || rel.startsWith("\\") || rel.matches("^[A-Za-z]:.*")
                || Arrays.asList(rel.split("[/\\\\]")).contains("..")) {
            throw new BadInputException(s.source().at("log") + " log path '" + rel + "' must be relative to the log "
                    + "root, without '..'");
        }
        return rel.replace('\\', '/');
    }
}
