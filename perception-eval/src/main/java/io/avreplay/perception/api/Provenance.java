package io.avreplay.perception.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model came from.
 *
 * @param trainedAtUtc    ISO-8601 UTC instant training finished, or empty for a hand-made model
 * @param trainingSeconds wall time of training, seconds (summed over resumed runs)
 * @param seed            random seed of initialisation and shuffling
 * @param epochs          epochs completed
 * @param trainLogs       log ids used for training (synthesizer logs are named preset-seed)
 * @param heldOutLogs     log ids used only for the held-out metrics
 * @param config          training configuration, key to value
 * @param heldOutMetrics  metrics on the held-out logs, e.g. {@code nuscenes.ap_2.0.car} or {@code coco.ap50.car}
 * @param toolVersion     avreplay version that trained it
 */
public record Provenance(String trainedAtUtc, double trainingSeconds, long seed, int epochs, List<String> trainLogs,
        List<String> heldOutLogs, Map<String, String> config, Map<String, Double> heldOutMetrics,
        String toolVersion) {
    /** Copies the collections. */
    public Provenance {
        Objects.requireNonNull(trainedAtUtc, "trainedAtUtc");
        Objects.requireNonNull(toolVersion, "toolVersion");
        trainLogs = List.copyOf(trainLogs);
        heldOutLogs = List.copyOf(heldOutLogs);
        config = Map.copyOf(config);
        heldOutMetrics = Map.copyOf(heldOutMetrics);
    }

    /** @return the provenance of an untrained model */
    public static Provenance untrained(long seed) {
        return new Provenance("", 0, seed, 0, List.of(), List.of(), Map.of(), Map.of(), "");
    }
}
