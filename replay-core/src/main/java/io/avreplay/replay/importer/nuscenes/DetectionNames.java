package io.avreplay.replay.importer.nuscenes;

import java.util.Map;

/**
 * nuScenes' mapping from a general category ({@code category.name}, e.g. {@code vehicle.car}) to one of
 * the ten detection classes, as in the devkit's {@code category_to_detection_name}. Categories outside the
 * detection benchmark (e.g. {@code animal}, {@code static_object.bicycle_rack},
 * {@code vehicle.emergency.police}) keep their full general name, so nothing is lost and the nuScenes
 * evaluation, which only scores the ten classes, ignores them.
 */
final class DetectionNames {
    private static final Map<String, String> MAPPING = Map.ofEntries(
            Map.entry("movable_object.barrier", "barrier"),
            Map.entry("vehicle.bicycle", "bicycle"),
            Map.entry("vehicle.bus.bendy", "bus"),
            Map.entry("vehicle.bus.rigid", "bus"),
            Map.entry("vehicle.car", "car"),
            Map.entry("vehicle.construction", "construction_vehicle"),
            Map.entry("vehicle.motorcycle", "motorcycle"),
            Map.entry("human.pedestrian.adult", "pedestrian"),
            Map.entry("human.pedestrian.child", "pedestrian"),
            Map.entry("human.pedestrian.construction_worker", "pedestrian"),
            Map.entry("human.pedestrian.police_officer", "pedestrian"),
            Map.entry("movable_object.trafficcone", "traffic_cone"),
            Map.entry("vehicle.trailer", "trailer"),
            Map.entry("vehicle.truck", "truck"));

    private DetectionNames() {
    }

    /** @return the detection name, or {@code generalName} itself when it maps to none */
    static String of(String generalName) {
        return MAPPING.getOrDefault(generalName, generalName);
    }
}
