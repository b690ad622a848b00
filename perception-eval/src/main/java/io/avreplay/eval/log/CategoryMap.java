package io.avreplay.eval.log;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the categories found in logs (synthesized, KITTI, Argoverse 2, nuScenes) to the ten nuScenes
 * detection classes. Categories without a counterpart (potholes, signs, DontCare regions, ...) map to
 * nothing and are left out of 3D scoring.
 */
public final class CategoryMap {
    private static final Map<String, String> MAP = Map.ofEntries(
            Map.entry("car", "car"), Map.entry("van", "car"), Map.entry("regular_vehicle", "car"),
            Map.entry("vehicle.car", "car"), Map.entry("vehicle.emergency.police", "car"),
            Map.entry("truck", "truck"), Map.entry("box_truck", "truck"), Map.entry("large_vehicle", "truck"),
            Map.entry("vehicle.truck", "truck"), Map.entry("truck_cab", "truck"),
            Map.entry("bus", "bus"), Map.entry("school_bus", "bus"), Map.entry("articulated_bus", "bus"),
            Map.entry("vehicle.bus.rigid", "bus"), Map.entry("vehicle.bus.bendy", "bus"),
            Map.entry("trailer", "trailer"), Map.entry("vehicle.trailer", "trailer"),
            Map.entry("construction_vehicle", "construction_vehicle"),
            Map.entry("vehicle.construction", "construction_vehicle"),
            Map.entry("pedestrian", "pedestrian"), Map.entry("person_sitting", "pedestrian"),
            Map.entry("human.pedestrian.adult", "pedestrian"), Map.entry("human.pedestrian.child", "pedestrian"),
            Map.entry("motorcycle", "motorcycle"), Map.entry("motorcyclist", "motorcycle"),
            Map.entry("vehicle.motorcycle", "motorcycle"),
            Map.entry("bicycle", "bicycle"), Map.entry("cyclist", "bicycle"), Map.entry("bicyclist", "bicycle"),
            Map.entry("vehicle.bicycle", "bicycle"),
            Map.entry("traffic_cone", "traffic_cone"), Map.entry("construction_cone", "traffic_cone"),
            Map.entry("movable_object.trafficcone", "traffic_cone"),
            Map.entry("barrier", "barrier"), Map.entry("construction_barrel", "barrier"),
            Map.entry("movable_object.barrier", "barrier"));

    private CategoryMap() {
    }

    /** @return the nuScenes detection class for a log category, if it has one */
    public static Optional<String> toNuScenes(String category) {
        return Optional.ofNullable(MAP.get(category.toLowerCase(Locale.ROOT)));
    }
}
