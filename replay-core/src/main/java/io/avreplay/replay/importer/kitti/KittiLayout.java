package io.avreplay.replay.importer.kitti;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the files of a KITTI object split live: {@code calib}, {@code velodyne}, {@code image_2}, {@code label_2}. */
record KittiLayout(Path root) {
    /** Accepts the split directory itself or a directory holding {@code training/}. */
    static KittiLayout locate(Path src) {
        if (!Files.isDirectory(src)) {
            throw new BadInputException(src + ": not a directory (expected a KITTI object split with calib/ and velodyne/)");
        }
        Path root = src;
        if (!Files.isDirectory(src.resolve("calib")) && Files.isDirectory(src.resolve("training/calib"))) {
            root = src.resolve("training");
        }
        for (String d : List.of("calib", "velodyne")) {
            if (!Files.isDirectory(root.resolve(d))) {
                throw new BadInputException(root + ": missing " + d + "/ (expected a KITTI object split: calib, velodyne, "
                        + "image_2, label_2)");
            }
        }
        return new KittiLayout(root);
    }

    /** Frame names (e.g. {@code 000001}) of every {@code calib/*.txt}, sorted. */
    List<String> frames() {
        try (Stream<Path> s = Files.list(root.resolve("calib"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+\\.txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            if (names.isEmpty()) {
                throw new BadInputException(root.resolve("calib") + ": no frames (expected files like 000000.txt)");
            }
            return names;
        } catch (IOException e) {
            throw new BadInputException(root.resolve("calib") + ": cannot list: " + e.getMessage(), e);
        }
    }

    Path calib(String frame) {
        return root.resolve("calib").resolve(frame + ".txt");
    }

    Path velodyne(String frame) {
        return root.resolve("velodyne").resolve(frame + ".bin");
    }

    Path image(String frame) {
        return root.resolve("image_2").resolve(frame + ".png");
    }

    Path label(String frame) {
        return root.resolve("label_2").resolve(frame + ".txt");
    }
}
