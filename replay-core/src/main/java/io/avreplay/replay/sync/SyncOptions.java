package io.avreplay.replay.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * How frame sets are built.
 *
 * @param referenceSensor the stream that keys the frame sets; empty = the first selected lidar
 *                        (manifest order of the first log that has one)
 * @param toleranceNs     the largest accepted |camera time − reference time|, ns, &gt;= 0
 * @param policy          how a camera frame is chosen
 */
public record SyncOptions(Optional<String> referenceSensor, long toleranceNs, SyncPolicy policy) {
    /** Default tolerance: 50 ms, half the period of a 10 Hz camera. */
    public static final long DEFAULT_TOLERANCE_NS = 50_000_000L;

    public SyncOptions {
        Objects.requireNonNull(referenceSensor, "referenceSensor");
        Objects.requireNonNull(policy, "policy");
        if (toleranceNs < 0) {
            throw new IllegalArgumentException("toleranceNs must be >= 0, got " + toleranceNs);
        }
    }

    /** First lidar as reference, 50 ms, nearest. */
    public static SyncOptions defaults() {
        return new SyncOptions(Optional.empty(), DEFAULT_TOLERANCE_NS, SyncPolicy.NEAREST);
    }

    public SyncOptions withReference(String sensorId) {
        return new SyncOptions(Optional.of(sensorId), toleranceNs, policy);
    }

    public SyncOptions withToleranceNs(long ns) {
        return new SyncOptions(referenceSensor, ns, policy);
    }

    public SyncOptions withPolicy(SyncPolicy p) {
        return new SyncOptions(referenceSensor, toleranceNs, p);
    }
}
