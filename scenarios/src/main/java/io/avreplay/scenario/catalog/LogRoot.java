package io.avreplay.scenario.catalog;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.LogManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The default {@link LogProvider}: paths are resolved under a log root and must stay inside it (no
 * absolute path, no {@code ..}, no symlink leading out: the real path is checked); recipes are cached
 * under {@link LogRef.Recipe#cachePath()} and generated on first use by the {@link RecipeGenerator}, when
 * one is given. Thread-safe: generation is serialised.
 */
public final class LogRoot implements LogProvider {
    private final Path root;
    private final Optional<RecipeGenerator> generator;

    /**
     * @param root      the log root directory
     * @param generator makes recipe logs; without it a recipe whose log is not cached is an error
     */
    public LogRoot(Path root, Optional<RecipeGenerator> generator) {
        this.root = root.toAbsolutePath().normalize();
        this.generator = generator;
    }

    public Path root() {
        return root;
    }

    /** @throws IllegalArgumentException when {@code rel} is absolute, empty or has a {@code ..} segment */
    static void checkRelative(String rel) {
        if (rel.startsWith("/") || rel.startsWith("\\") || rel.matches("^[A-Za-z]:.*") || Path.of(rel).isAbsolute()) {
            throw new IllegalArgumentException("log path '" + rel + "' must be relative to the log root, not absolute");
        }
        for (String seg : rel.split("[/\\\\]")) {
            if (seg.equals("..")) {
                throw new IllegalArgumentException("log path '" + rel + "' must not contain '..' (it would escape the log root)");
            }
        }
    }

    @Override
    public Path logDirectory(Scenario s) {
        if (s.log() instanceof LogRef.Recipe r) {
            return recipe(s, r);
        }
        String rel = ((LogRef.LogPath) s.log()).relativePath();
        try {
            checkRelative(rel);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(s.source().at("log") + " " + e.getMessage());
        }
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            throw new BadInputException(s.source().at("log") + " log path '" + rel + "' escapes the log root " + root);
        }
        if (!Files.exists(p)) {
            throw new BadInputException(s.source().at("log") + " log '" + rel + "' not found under the log root " + root);
        }
        checkInside(s, rel, p);
        if (!Files.isRegularFile(p.resolve(LogManifest.FILE_NAME))) {
            throw new BadInputException(s.source().at("log") + " '" + rel + "' under " + root
                    + " is not a log (no " + LogManifest.FILE_NAME + ")");
        }
        return p;
    }

    private void checkInside(Scenario s, String rel, Path p) {
        try {
            Path realRoot = root.toRealPath();
            if (!p.toRealPath().startsWith(realRoot)) {
                throw new BadInputException(s.source().at("log") + " log path '" + rel
                        + "' resolves through a symbolic link outside the log root " + root);
            }
        } catch (IOException e) {
            throw new BadInputException(s.source().at("log") + " cannot resolve log '" + rel + "': " + e.getMessage(), e);
        }
    }

    private synchronized Path recipe(Scenario s, LogRef.Recipe r) {
        Path p = root.resolve(r.cachePath()).normalize();
        if (Files.isRegularFile(p.resolve(LogManifest.FILE_NAME))) {
            checkInside(s, r.cachePath(), p);
            return p;
        }
        if (generator.isEmpty()) {
            throw new BadInputException(s.source().at("log") + " " + r + " is not cached at " + p
                    + " and no synthesizer is available to generate it");
        }
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new BadInputException(s.source().at("log") + " cannot create the recipe cache " + p.getParent()
                    + ": " + e.getMessage(), e);
        }
        generator.get().generate(r, p);
        return p;
    }
}
