package io.avreplay.cli;

import io.avreplay.perception.run.RunOptions;
import picocli.CommandLine.Option;

/**
 * The shared {@code --camera-rate} and {@code --camera} options of {@code run} and {@code fleet run}: how the
 * detection loop feeds the camera detector. Public so that the fleet module's commands mix in the same options.
 */
public final class RunLoopOptions {
    @Option(names = "--camera-rate", defaultValue = "synced", paramLabel = "RATE",
            description = "synced: the camera frame synced to each sweep (lidar rate); full: every camera frame.")
    RunOptions.CameraRate cameraRate;

    @Option(names = "--camera", defaultValue = "", paramLabel = "ID", description = "Camera to run (default: the first).")
    String cameraId;

    /** @return the loop's options: these two, the default lidar batch */
    public RunOptions runOptions() {
        RunOptions d = RunOptions.defaults();
        return new RunOptions(cameraRate, d.lidarBatch(), cameraId);
    }
}
