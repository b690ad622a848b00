package io.avreplay.perception.run;

/**
 * Where a run's time went.
 *
 * @param sweeps            lidar sweeps detected
 * @param cameraFrames      camera frames detected
 * @param lidarMsPerSweep   lidar detector time (featurize + network + decode) per sweep, ms; NaN without sweeps
 * @param cameraMsPerFrame  camera detector time (decode + resize + network + decode) per frame, ms; NaN without frames
 * @param logSeconds        total duration of the logs replayed, s
 * @param wallSeconds       wall time of the whole run (replay, inference, writing, scoring), s
 */
public record Timing(int sweeps, int cameraFrames, double lidarMsPerSweep, double cameraMsPerFrame, double logSeconds,
        double wallSeconds) {
    /** @return log duration / wall time: above 1 means faster than real time */
    public double realtimeFactor() {
        return wallSeconds > 0 ? logSeconds / wallSeconds : Double.NaN;
    }
}
