package io.avreplay.eval.av2;

import io.avreplay.eval.detection.EvalProvenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Argoverse 2 detection result: av2's summary table at full precision (av2 itself rounds it to 3
 * decimals). Categories without evaluated annotations have AP 0, ATE = the TP threshold, ASE 1, AOE pi and
 * CDS 0, and count in the mean.
 *
 * @param provenance   where the result came from
 * @param config       the configuration
 * @param categories   category to its row, in the configuration's order
 * @param average      the mean of each column over the categories ({@code AVERAGE_METRICS})
 * @param thresholdAps category to its AP at each affinity threshold
 * @param counts       row and sweep counts
 */
public record Av2Result(EvalProvenance provenance, Av2Config config, Map<String, Av2Scores> categories,
        Av2Scores average, Map<String, List<Double>> thresholdAps, Av2MetricData.Counts counts) {
    /** Copies the maps. @throws NullPointerException when a field is null */
    public Av2Result {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(counts, "counts");
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        Map<String, List<Double>> aps = new LinkedHashMap<>();
        thresholdAps.forEach((k, v) -> aps.put(k, List.copyOf(v)));
        thresholdAps = Collections.unmodifiableMap(aps);
    }
}
