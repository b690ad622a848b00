package io.avreplay.perception.api;

import java.util.Optional;

/**
 * Maps annotation categories to detection class names: a known class name maps to itself; nuScenes
 * category paths ({@code vehicle.car}, {@code human.pedestrian.adult}, {@code movable_object.trafficcone},
 * ...) map to their detection class as the nuScenes devkit does. Thread-safe.
 */
public final class DetectionClasses {
    private DetectionClasses() {
    }

    /** @return the detection class of {@code category}, or empty when it is not a detection class */
    public static Optional<String> of(String category) {
        if (ModelCard.KNOWN_CLASSES.contains(category)) {
            return Optional.of(category);
        }
        if (category.startsWith("human.pedestrian.") && !category.endsWith("personal_mobility")
                && !category.endsWith("stroller") && !category.endsWith("wheelchair")) {
            return Optional.of("pedestrian");
        }
        return Optional.ofNullable(switch (category) {
            case "vehicle.car" -> "car";
            case "vehicle.truck" -> "truck";
            case "vehicle.bus.bendy", "vehicle.bus.rigid" -> "bus";
            case "vehicle.trailer" -> "trailer";
            case "vehicle.construction" -> "construction_vehicle";
            case "vehicle.motorcycle" -> "motorcycle";
            case "vehicle.bicycle", "cyclist" -> "bicycle";
            case "movable_object.trafficcone" -> "traffic_cone";
            case "movable_object.barrier" -> "barrier";
            default -> null;
        });
    }
}
