package io.avreplay.eval.av2;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Argoverse 2 3D detection evaluation with parity to av2-api 0.3.6 {@code av2.evaluation.detection.eval.evaluate}
 * (ROI filtering off). Use {@link #accumulate} then {@link #score} (data of several runs merge in between
 * with {@link Av2MetricData#merge}), or {@link #evaluateFiles}. Stateless and thread-safe.
 */
public final class Av2Evaluator {
    private final Av2Config config;

    /** @param config e.g. {@link Av2Config#defaults()} */
    public Av2Evaluator(Av2Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the configuration */
    public Av2Config config() {
        return config;
    }

    /**
     * Reads an annotations table and a detections table ({@code .csv}, else Feather) and evaluates them.
     *
     * @param allocator parent of the Feather readers' child allocators; not closed
     * @throws io.avreplay.error.BadInputException on an unreadable file, a bad value or a zero quaternion of a
     *         true positive
     * @throws io.avreplay.error.SchemaMismatchException when a column is missing or of the wrong type
     */
    public Av2Result evaluateFiles(Path annotations, Path detections, BufferAllocator allocator) {
        Av2Table gt = Av2TableReader.read(annotations, "num_interior_pts", allocator);
        Av2Table dt = Av2TableReader.read(detections, "score", allocator);
        return score(Av2Accumulator.accumulate(config, gt, dt), new EvalProvenance("av2", config.name(),
                List.of(annotations.toString(), detections.toString()), ToolVersion.current()));
    }

    /**
     * Accumulates tables read from files.
     *
     * @param allocator parent of the Feather readers' child allocators; not closed
     */
    public Av2MetricData accumulate(Path annotations, Path detections, BufferAllocator allocator) {
        return Av2Accumulator.accumulate(config, Av2TableReader.read(annotations, "num_interior_pts", allocator),
                Av2TableReader.read(detections, "score", allocator));
    }

    /**
     * Computes av2's summary from accumulated data.
     *
     * @throws IllegalArgumentException when the data was accumulated under another configuration
     */
    public Av2Result score(Av2MetricData data, EvalProvenance provenance) {
        if (!data.config().equals(config)) {
            throw new IllegalArgumentException("data was accumulated under config " + data.config().name());
        }
        Map<String, Av2Scores> rows = new LinkedHashMap<>();
        Map<String, List<Double>> aps = new LinkedHashMap<>();
        for (String c : config.categories()) {
            double[] ap = new double[config.affinityThresholdsM().size()];
            rows.put(c, Av2Summary.category(config, data.detections(c), data.annotations(c), ap));
            List<Double> list = new ArrayList<>();
            for (double v : ap) {
                list.add(v);
            }
            aps.put(c, list);
        }
        return new Av2Result(provenance, config, rows, Av2Summary.average(new ArrayList<>(rows.values())), aps,
                data.counts());
    }
}
