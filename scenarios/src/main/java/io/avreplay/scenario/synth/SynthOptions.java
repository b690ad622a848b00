package io.avreplay.scenario.synth;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.Compression;
import java.util.Objects;

/**
 * How a log is synthesized (as opposed to what happens in it, which is the {@link Preset}).
 *
 * @param lidarRateHz  lidar revolutions per second (0.5..50)
 * @param cameraRateHz camera frames per second (0 = no camera; up to 60)
 * @param jpegQuality  JPEG quality 1..100
 * @param compression  Arrow buffer compression
 * @param overwrite    replace an existing log at the destination
 */
public record SynthOptions(double lidarRateHz, double cameraRateHz, int jpegQuality, Compression compression,
        boolean overwrite) {
    public SynthOptions {
        Objects.requireNonNull(compression, "compression");
        if (!(lidarRateHz >= 0.5 && lidarRateHz <= 50)) {
            throw new InvalidConfigException("lidar rate must be in [0.5, 50] Hz, got " + lidarRateHz);
        }
        if (!(cameraRateHz >= 0 && cameraRateHz <= 60)) {
            throw new InvalidConfigException("camera rate must be in [0, 60] Hz, got " + cameraRateHz);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new InvalidConfigException("jpegQuality must be in [1, 100], got " + jpegQuality);
        }
    }

    /** Lidar 10 Hz, camera 20 Hz, JPEG quality 90, ZSTD (the pure-Java LZ4 writer is ~20× slower), no overwrite. */
    public static SynthOptions defaults() {
        return new SynthOptions(10, 20, 90, Compression.ZSTD, false);
    }

    public SynthOptions withRates(double lidarHz, double cameraHz) {
        return new SynthOptions(lidarHz, cameraHz, jpegQuality, compression, overwrite);
    }

    public SynthOptions withOverwrite(boolean o) {
        return new SynthOptions(lidarRateHz, cameraRateHz, jpegQuality, compression, o);
    }

    public SynthOptions withCompression(Compression c) {
        return new SynthOptions(lidarRateHz, cameraRateHz, jpegQuality, c, overwrite);
    }
}
