package io.avreplay.perception.compare;

import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.run.RunOptions;
import io.avreplay.perception.run.RunPipeline;
import io.avreplay.perception.run.RunResult;
import io.avreplay.replay.arrow.LogReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs the same logs through several lidar models (or backends of one model), one after the other,
 * each through {@link RunPipeline} with the camera off, and compares them. Each log is opened once, and
 * every model runs over that reader. Not thread-safe.
 */
public final class Comparison {
    /** Centre distance, metres, within which two detections of the same class agree. */
    public static final double AGREEMENT_DISTANCE_M = 0.5;

    private Comparison() {
    }

    /**
     * One model's row of the report.
     *
     * @param label          the {@code --model} value
     * @param model          model name from its card
     * @param backend        the card's backend ({@code dl4j}, {@code onnx}, {@code exec})
     * @param meanAp         nuScenes mAP
     * @param ndScore        nuScenes NDS
     * @param classAps       nuScenes AP per class (mean over the distance thresholds)
     * @param frames         frame sets detected
     * @param p50Ms          median detector latency per frame set, ms
     * @param p90Ms          90th percentile, ms
     * @param p99Ms          99th percentile, ms
     * @param framesPerSecond frames / summed detector time
     * @param peakHeapBytes  peak JVM heap during the model's run (native memory of DL4J, ONNX Runtime or an
     *                       external process is not included)
     * @param agreement      agreement with the first model (the first model agrees with itself)
     */
    public record Row(String label, String model, String backend, double meanAp, double ndScore,
            Map<String, Double> classAps, int frames, double p50Ms, double p90Ms, double p99Ms,
            double framesPerSecond, long peakHeapBytes, Agreement agreement) {
        public Row {
            classAps = new TreeMap<>(classAps);
        }
    }

    /**
     * @param logs      logs to replay, the same for every model
     * @param models    lidar detectors, in report order; the first is the reference; the caller owns them
     * @param labels    one label per model (the command-line values)
     * @param outDir    each model's run outputs go to {@code outDir/runs/<index>} (an earlier run output there is replaced)
     * @param allocator the program's allocator
     * @return one row per model
     */
    public static List<Row> run(List<Path> logs, List<Detector> models, List<String> labels, Path outDir,
            BufferAllocator allocator) {
        List<LogReader> open = new ArrayList<>();
        try {
            for (Path log : logs) {
                open.add(LogReader.open(log, allocator));
            }
            return runOpen(open, models, labels, outDir, allocator);
        } finally {
            LogReader.closeAll(open);
        }
    }

    /** Each model over the same open logs (each log opened once for all models). */
    private static List<Row> runOpen(List<LogReader> logs, List<Detector> models, List<String> labels, Path outDir,
            BufferAllocator allocator) {
        List<Row> rows = new ArrayList<>();
        RecordingDetector reference = null;
        for (int i = 0; i < models.size(); i++) {
            RecordingDetector rec = new RecordingDetector(models.get(i));
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            RunResult r = new RunPipeline(rec, Optional.empty(), RunOptions.defaults(), allocator, line -> { })
                    .runOpen(logs, outDir.resolve("runs").resolve(Integer.toString(i)), true);
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            if (reference == null) {
                reference = rec;
            }
            rows.add(row(labels.get(i), rec, r.lidar(), peak, Agreement.of(reference.detections(), rec.detections(),
                    AGREEMENT_DISTANCE_M)));
        }
        return rows;
    }

    private static Row row(String label, RecordingDetector rec, NuScenesResult n, long peak, Agreement a) {
        double[] ms = rec.latencyMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double sum = Arrays.stream(ms).sum();
        Map<String, Double> aps = new TreeMap<>();
        n.meanDistAps().forEach(aps::put);
        return new Row(label, rec.card().name(), rec.card().backend().kind(), n.meanAp(), n.ndScore(), aps, ms.length,
                percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), ms.length / (sum / 1000), peak, a);
    }

    /** Nearest-rank percentile of sorted values; NaN when empty. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
