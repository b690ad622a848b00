package io.avreplay.replay.play;

import java.util.List;

/**
 * A scheduled frame set: the reference frame, the chosen frame of every camera that has one within
 * the tolerance, and the ids of the cameras that have none.
 */
record SetStep(FrameStep reference, List<FrameStep> cameras, List<String> missing) {
    SetStep {
        cameras = List.copyOf(cameras);
        missing = List.copyOf(missing);
    }
}
