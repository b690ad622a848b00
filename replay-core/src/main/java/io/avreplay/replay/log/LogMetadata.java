package io.avreplay.replay.log;

import java.util.Map;
import java.util.Objects;

/**
 * What a writer needs to know about a log before its frames: the descriptive part of the manifest.
 *
 * @param logId    stable identifier (letters, digits, {@code -_.})
 * @param vehicle  vehicle name
 * @param location place of recording
 * @param tags     free-form tags (e.g. {@code preset}, {@code weather})
 */
public record LogMetadata(String logId, String vehicle, String location, Map<String, String> tags) {
    public LogMetadata {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(location, "location");
        if (!logId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("logId must match [A-Za-z0-9._-]+, got '" + logId + "'");
        }
        tags = Map.copyOf(tags);
    }
}
