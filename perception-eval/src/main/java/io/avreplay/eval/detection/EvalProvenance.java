package io.avreplay.eval.detection;

import java.util.List;
import java.util.Objects;

/**
 * Where an evaluation result came from.
 *
 * @param benchmark   the benchmark convention, e.g. {@code nuscenes}, {@code coco}, {@code kitti}
 * @param config      the configuration name or file, e.g. {@code detection_cvpr_2019}
 * @param inputs      the input files or in-memory sources, in the order given
 * @param toolVersion the avreplay version that computed the result
 */
public record EvalProvenance(String benchmark, String config, List<String> inputs, String toolVersion) {
    /** @throws NullPointerException when a field is null */
    public EvalProvenance {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(config, "config");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(toolVersion, "toolVersion");
    }
}
