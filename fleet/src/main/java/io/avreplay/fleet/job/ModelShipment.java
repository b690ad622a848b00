package io.avreplay.fleet.job;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The models of a job as the executors receive them (through a Spark broadcast): a shipped model's name,
 * {@code default} or {@code none} as is, and a model directory as its files' bytes, so executors never
 * need a path that only the driver sees. Immutable.
 *
 * @param lidar       the {@code --lidar-model} value
 * @param camera      the {@code --camera-model} value
 * @param files       for each role whose value is a directory ({@code lidar}, {@code camera}): relative
 *                    path to bytes of every regular file in it
 * @param digests     SHA-256 (hex) of each shipped directory's content, by role: the executor-side cache key
 * @param onnxThreads ONNX Runtime intra-op threads per model on an executor (&gt;= 1)
 */
public record ModelShipment(String lidar, String camera, Map<String, Map<String, byte[]>> files,
        Map<String, String> digests, int onnxThreads) implements Serializable {
    /** Validates the fields. */
    public ModelShipment {
        if (lidar == null || lidar.isBlank() || camera == null || camera.isBlank()) {
            throw new IllegalArgumentException("lidar and camera must name a model or 'none', got '" + lidar + "', '"
                    + camera + "'");
        }
        if (onnxThreads < 1) {
            throw new IllegalArgumentException("onnxThreads must be >= 1, got " + onnxThreads);
        }
        files = Map.copyOf(files);
        digests = Map.copyOf(digests);
    }

    /**
     * Packs the model values on the driver: directories (those holding a {@code card.json}) are read.
     *
     * @throws BadInputException when a model directory cannot be read
     */
    public static ModelShipment of(String lidar, String camera, int onnxThreads) {
        Map<String, Map<String, byte[]>> files = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        for (var e : Map.of("lidar", lidar, "camera", camera).entrySet()) {
            Path dir = Path.of(e.getValue());
            if (Files.isRegularFile(dir.resolve("card.json"))) {
                Map<String, byte[]> content = read(dir);
                files.put(e.getKey(), content);
                digests.put(e.getKey(), digest(content));
            }
        }
        return new ModelShipment(lidar, camera, files, digests, onnxThreads);
    }

    private static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new BadInputException("model directory " + dir + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static String digest(Map<String, byte[]> content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            content.forEach((k, v) -> {
                md.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(v);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Writes a shipped directory's files under {@code target} (on an executor).
     *
     * @throws UncheckedIOException when writing fails
     */
    void materialize(String role, Path target) {
        try {
            for (var f : files.getOrDefault(role, Map.of()).entrySet()) {
                Path p = target.resolve(f.getKey()).normalize();
                if (!p.startsWith(target)) {
                    throw new BadInputException("model file " + f.getKey() + ": escapes the model directory");
                }
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model files under " + target + ": " + e.getMessage(), e);
        }
    }

    /** @return the roles this shipment carries as directory bytes */
    List<String> shippedRoles() {
        return List.copyOf(files.keySet());
    }
}
