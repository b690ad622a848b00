package io.avreplay.cli;

import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The shared {@code --lidar-model} and {@code --camera-model} options and the one model resolution of
 * the CLI: {@code default} (the shipped model), a model directory ({@code card.json} + {@code model.zip}),
 * or {@code none}. The caller owns and closes the detectors it gets.
 */
final class ModelOptions {
    /** The value naming the shipped model. */
    static final String DEFAULT = "default";
    /** The value naming no model. */
    static final String NONE = "none";

    @Option(names = "--lidar-model", defaultValue = DEFAULT, paramLabel = "MODEL",
            description = "'default' (the shipped model), a model directory (card.json + model.zip) or 'none' "
                    + "(default: ${DEFAULT-VALUE}).")
    String lidarModel = DEFAULT;

    @Option(names = "--camera-model", defaultValue = DEFAULT, paramLabel = "MODEL",
            description = "'default', a model directory or 'none' to skip the camera (default: ${DEFAULT-VALUE}).")
    String cameraModel = DEFAULT;

    /** @return the lidar 3D detector, empty for {@code none} */
    Optional<Detector> lidar() {
        return resolve(lidarModel, true);
    }

    /** @return the camera 2D detector, empty for {@code none} */
    Optional<Detector> camera() {
        return resolve(cameraModel, false);
    }

    /**
     * Resolves one model value.
     *
     * @param value {@code default}, {@code none} or a model directory
     * @param lidar whether the shipped lidar (else camera) model is meant by {@code default}
     * @return the loaded detector, empty for {@code none}
     */
    static Optional<Detector> resolve(String value, boolean lidar) {
        if (value.equals(NONE)) {
            return Optional.empty();
        }
        if (value.equals(DEFAULT)) {
            return Optional.of(lidar ? Detectors.loadDefaultLidar() : Detectors.loadDefaultCamera());
        }
        return Optional.of(Detectors.load(Path.of(value)));
    }

    /** @return whether {@code value} names a model ({@code default} or a directory with a card) */
    static boolean namesModel(String value) {
        return value.equals(DEFAULT) || Files.isRegularFile(Path.of(value).resolve("card.json"));
    }
}
