package io.avreplay.replay.arrow;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.log.LogManifest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and reads a log directory's manifest, telling "not a log" from "a log whose writer did not
 * finish" when it is missing. The first open-time check of {@link LogReader}. Stateless.
 */
final class ManifestFile {
    private ManifestFile() {
    }

    /**
     * @return the checked manifest of the log in {@code dir}
     * @throws BadInputException when {@code dir} is not a log directory or the manifest is invalid
     */
    static LogManifest read(Path dir) {
        if (!Files.exists(dir)) {
            throw new BadInputException(dir + ": no such log directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a log (expected a directory holding " + LogManifest.FILE_NAME + ")");
        }
        Path m = dir.resolve(LogManifest.FILE_NAME);
        if (Files.exists(m) && !Files.isRegularFile(m)) {
            throw new BadInputException(m + ": not a regular file");
        }
        if (!Files.isRegularFile(m)) {
            boolean hasArrow = Files.exists(dir.resolve(LogSchemas.INDEX_FILE)) || Files.exists(dir.resolve("lidar"))
                    || Files.exists(dir.resolve("camera"));
            throw new BadInputException(m + ": missing; " + (hasArrow
                    ? "the log is incomplete (its writer did not finish)"
                    : "not a log directory"));
        }
        return ManifestCodec.read(m);
    }
}
