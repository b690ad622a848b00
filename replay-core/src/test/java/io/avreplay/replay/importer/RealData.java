package io.avreplay.replay.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper (shared through the test-jar): locates the real dataset samples in
 * {@code ../shared/data/real} (system property {@code avreplay.shared}, falling back to
 * {@code ../shared}), copies them into temporary directories for tests that break them, and hashes
 * directory trees.
 */
public final class RealData {
    private RealData() {
    }

    /** @return {@code <shared>/data/real/<name>}; fails when missing */
    public static Path sample(String name) {
        String shared = System.getProperty("avreplay.shared", "../shared");
        Path p = Path.of(shared).resolve("data/real").resolve(name);
        if (!Files.isDirectory(p)) {
            p = Path.of("../../shared/data/real").resolve(name);
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("real data sample not found: " + p.toAbsolutePath()
                    + " (set -Davreplay.shared=/path/to/shared)");
        }
        return p;
    }

    /** Copies a directory tree into {@code dest} (test scratch space only). */
    public static Path copyTree(Path src, Path dest) {
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path t = dest.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return SHA-256 of every regular file under {@code dir}, keyed by relative path */
    public static TreeMap<String, String> hashes(Path dir) {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the names of every entry directly inside {@code dir} (hidden ones included) */
    public static List<String> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
