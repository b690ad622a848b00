package io.avreplay.replay.log;

import java.util.Objects;

/**
 * The id of one annotated (lidar) sample of a log, the key of nuScenes-shaped results and ground truth: the
 * original nuScenes sample token when the log was imported from nuScenes (kept in the manifest's tags under
 * {@link #TAG_PREFIX}{@code <timestamp_ns>}), otherwise {@code <log_id>-<timestamp_ns>}. This is the one
 * home of that rule; exporters, the run and the evaluators all take tokens from here.
 *
 * @param value the token, not empty
 */
public record SampleToken(String value) {
    /** Manifest tag prefix under which an importer records a sample's original token, by timestamp in ns. */
    public static final String TAG_PREFIX = "nuscenes.sample_token.";

    /** @throws IllegalArgumentException when {@code value} is empty */
    public SampleToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("sample token must not be empty");
        }
    }

    /**
     * @param manifest    the log's manifest
     * @param timestampNs the sample's (lidar) timestamp, nanoseconds
     * @return the sample's token
     */
    public static SampleToken of(LogManifest manifest, long timestampNs) {
        return new SampleToken(manifest.tags().getOrDefault(TAG_PREFIX + timestampNs,
                manifest.logId() + "-" + timestampNs));
    }

    @Override
    public String toString() {
        return value;
    }
}
