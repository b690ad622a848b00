package io.avreplay.perception.api;

import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.util.List;

/**
 * What a {@link Detector} found in one {@link FrameSet}.
 *
 * @param timestampNs the frame set's reference timestamp, ns
 * @param objects3d   3D detections in the ego frame, best score first
 * @param objects2d   2D detections in image pixels, best score first
 */
public record Detections(long timestampNs, List<Detection3d> objects3d, List<Detection2d> objects2d) {
    /** Copies the lists. */
    public Detections {
        objects3d = List.copyOf(objects3d);
        objects2d = List.copyOf(objects2d);
    }
}
