package io.avreplay.eval.av2;

import io.avreplay.error.InvalidConfigException;
import java.util.List;

/**
 * An Argoverse 2 detection configuration (av2's {@code DetectionCfg} without ROI filtering, which needs
 * map rasters).
 *
 * @param name                     e.g. {@code av2_detection_0.3.6}
 * @param categories               the evaluated categories; absent ones still count in the means
 * @param affinityThresholdsM      centre-distance (3D) thresholds of the APs, metres, increasing
 * @param tpThresholdM             the threshold whose true positives give ATE, ASE, AOE, metres; also ATE's
 *                                 normaliser and default
 * @param maxRangeM                annotations and detections at or beyond this 3D distance from the ego
 *                                 vehicle are not evaluated, metres
 * @param maxDetectionsPerCategory per sweep and category, the in-range detections evaluated (best scores first)
 * @param numRecallSamples         recall samples of the AP, evenly spaced in [0, 1]
 */
public record Av2Config(String name, List<String> categories, List<Double> affinityThresholdsM, double tpThresholdM,
        double maxRangeM, int maxDetectionsPerCategory, int numRecallSamples) {
    /** av2's 26 {@code SensorCompetitionCategories}, in its order. */
    public static final List<String> SENSOR_COMPETITION_CATEGORIES = List.of("ARTICULATED_BUS", "BICYCLE",
            "BICYCLIST", "BOLLARD", "BOX_TRUCK", "BUS", "CONSTRUCTION_BARREL", "CONSTRUCTION_CONE", "DOG",
            "LARGE_VEHICLE", "MESSAGE_BOARD_TRAILER", "MOBILE_PEDESTRIAN_CROSSING_SIGN", "MOTORCYCLE", "MOTORCYCLIST",
            "PEDESTRIAN", "REGULAR_VEHICLE", "SCHOOL_BUS", "SIGN", "STOP_SIGN", "STROLLER", "TRUCK", "TRUCK_CAB",
            "VEHICULAR_TRAILER", "WHEELCHAIR", "WHEELED_DEVICE", "WHEELED_RIDER");

    /** @throws InvalidConfigException when a field is out of range */
    public Av2Config {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("av2 config: name must be non-blank, got " + name);
        }
        categories = List.copyOf(categories);
        affinityThresholdsM = List.copyOf(affinityThresholdsM);
        if (categories.isEmpty() || affinityThresholdsM.isEmpty()) {
            throw new InvalidConfigException("av2 config " + name + ": categories and affinity thresholds must be "
                    + "non-empty");
        }
        if (!affinityThresholdsM.contains(tpThresholdM)) {
            throw new InvalidConfigException("av2 config " + name + ": tp_threshold_m " + tpThresholdM
                    + " must be one of the affinity thresholds " + affinityThresholdsM);
        }
        if (!(maxRangeM > 0) || maxDetectionsPerCategory < 1 || numRecallSamples < 2) {
            throw new InvalidConfigException("av2 config " + name + ": need max_range_m > 0, "
                    + "max_num_dts_per_category >= 1 and num_recall_samples >= 2, got " + maxRangeM + ", "
                    + maxDetectionsPerCategory + ", " + numRecallSamples);
        }
    }

    /** @return av2 0.3.6's {@code DetectionCfg()} defaults with ROI filtering off */
    public static Av2Config defaults() {
        return new Av2Config("av2_detection_0.3.6", SENSOR_COMPETITION_CATEGORIES, List.of(0.5, 1.0, 2.0, 4.0), 2.0,
                150.0, 100, 101);
    }

    /** @return these settings for other categories */
    public Av2Config withCategories(List<String> cats) {
        return new Av2Config(name, cats, affinityThresholdsM, tpThresholdM, maxRangeM, maxDetectionsPerCategory,
                numRecallSamples);
    }
}
