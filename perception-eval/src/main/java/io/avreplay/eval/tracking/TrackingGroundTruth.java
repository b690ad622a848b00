package io.avreplay.eval.tracking;

import io.avreplay.eval.nuscenes.NuScenesGroundTruth.BikeRack;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a tracking evaluation, in memory.
 *
 * @param scenes    the scenes, in order; every sample of every scene is scored
 * @param boxes     the ground-truth boxes ({@code trackingId} is the instance), in file order
 * @param egoPoses  sample token to the ego position, world frame; a sample without one has it at the origin
 * @param bikeRacks sample token to its bicycle racks; bicycles and motorcycles inside one are removed
 */
public record TrackingGroundTruth(List<TrackingScene> scenes, List<TrackingBox> boxes,
        Map<String, EgoPosition> egoPoses, Map<String, List<BikeRack>> bikeRacks) {
    /** Copies every collection. @throws IllegalArgumentException when there is no scene */
    public TrackingGroundTruth {
        scenes = List.copyOf(scenes);
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException("tracking ground truth: needs at least one scene");
        }
        boxes = List.copyOf(boxes);
        egoPoses = Collections.unmodifiableMap(new LinkedHashMap<>(egoPoses));
        Map<String, List<BikeRack>> racks = new LinkedHashMap<>();
        bikeRacks.forEach((k, v) -> racks.put(k, List.copyOf(v)));
        bikeRacks = Collections.unmodifiableMap(racks);
    }
}
