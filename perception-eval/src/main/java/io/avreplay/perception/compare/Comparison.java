package io.avreplay.perception.compare;

import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.coco.CocoStat;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detections;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.Provenance;
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
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs the same logs through several models (or backends of one model), one after the other, each through
 * {@link RunPipeline}, and compares them per task: lidar models run alone (camera off) and are scored with
 * nuScenes; camera models run beside a lidar stand-in that detects nothing and are scored with COCO. Each
 * model agrees with the first model of its task. Each log is opened once, and every model runs over that
 * reader. Not thread-safe.
 */
public final class Comparison {
    /** Centre distance, metres, within which two 3D detections of the same class agree. */
    public static final double AGREEMENT_DISTANCE_M = 0.5;
    /** IoU at or above which two 2D detections of the same class and camera agree. */
    public static final double AGREEMENT_IOU = 0.9;

    private Comparison() {
    }

    /** A headline metric of a row; which ones a row has depends on its task. */
    public enum Metric {
        /** nuScenes mAP (lidar). */
        MEAN_AP("mean_ap", "mAP"),
        /** nuScenes detection score (lidar). */
        ND_SCORE("nd_score", "NDS"),
        /** COCO AP at IoU .50:.95 (camera). */
        COCO_AP("coco_ap", "AP"),
        /** COCO AP at IoU .50 (camera). */
        COCO_AP50("coco_ap50", "AP50"),
        /** COCO AP at IoU .75 (camera). */
        COCO_AP75("coco_ap75", "AP75");

        private final String key;
        private final String label;

        Metric(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** @return the JSON key */
        public String key() {
            return key;
        }

        /** @return the column title */
        public String label() {
            return label;
        }

        /** @return the headline metrics of a task, in column order */
        public static List<Metric> of(ModelTask task) {
            return task == ModelTask.LIDAR_3D ? List.of(MEAN_AP, ND_SCORE) : List.of(COCO_AP, COCO_AP50, COCO_AP75);
        }
    }

    /**
     * One model's row of the report.
     *
     * @param label           the command-line value naming the model
     * @param model           model name from its card
     * @param backend         what ran its network ({@code dl4j}, {@code folded}, {@code onnxruntime-cpu}, ...;
     *                        {@code exec} for an external process)
     * @param task            the card's task; decides the metrics and the agreement rule
     * @param metrics         the task's headline metrics ({@link Metric#of}); NaN where undefined
     * @param classAps        AP per class: nuScenes (mean over distance thresholds) or COCO (IoU .50:.95); NaN
     *                        for a class without ground truth
     * @param frames          frame sets (lidar) or camera frames detected
     * @param p50Ms           median detector latency per frame, ms
     * @param p90Ms           90th percentile, ms
     * @param p99Ms           99th percentile, ms
     * @param framesPerSecond frames / summed detector time
     * @param peakHeapBytes   peak JVM heap during the model's run
     * @param peakRssBytes    peak resident memory of this process during the model's run (native memory of
     *                        DL4J and ONNX Runtime included, an exec model's own process not); -1 where unknown
     * @param agreement       agreement with the first model of the same task (which agrees with itself)
     */
    public record Row(String label, String model, String backend, ModelTask task, Map<Metric, Double> metrics,
            Map<String, Double> classAps, int frames, double p50Ms, double p90Ms, double p99Ms,
            double framesPerSecond, long peakHeapBytes, long peakRssBytes, Agreement agreement) {
        /** Copies the maps; requires the task's metrics. */
        public Row {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(agreement, "agreement");
            metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
            if (!metrics.keySet().equals(Set.copyOf(Metric.of(task)))) {
                throw new IllegalArgumentException("metrics: expected " + Metric.of(task) + " for " + task + ", got "
                        + metrics.keySet());
            }
            classAps = Collections.unmodifiableMap(new TreeMap<>(classAps));
        }

        /** @return the value of a headline metric */
        public double metric(Metric m) {
            return metrics.getOrDefault(m, Double.NaN);
        }
    }

    /**
     * @param logs      logs to replay, the same for every model (each needs 3D ground truth; camera models
     *                  need camera ground truth too)
     * @param models    detectors, lidar or camera, in report order; the first of each task is its reference;
     *                  the caller owns them
     * @param labels    one label per model (the command-line values)
     * @param outDir    each model's run outputs go to {@code outDir/runs/<index>} (an earlier run output there
     *                  is replaced)
     * @param allocator the program's allocator
     * @return one row per model, in the given order
     */
    public static List<Row> run(List<Path> logs, List<Detector> models, List<String> labels, Path outDir,
            BufferAllocator allocator) {
        if (models.size() != labels.size()) {
            throw new IllegalArgumentException("labels: expected one per model (" + models.size() + "), got "
                    + labels.size());
        }
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
        Map<ModelTask, RecordingDetector> references = new EnumMap<>(ModelTask.class);
        for (int i = 0; i < models.size(); i++) {
            RecordingDetector rec = new RecordingDetector(models.get(i));
            ModelTask task = rec.card().task();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            PeakResidentMemory rss = PeakResidentMemory.start();
            Path runDir = outDir.resolve("runs").resolve(Integer.toString(i));
            RunResult r = task == ModelTask.LIDAR_3D
                    ? new RunPipeline(rec, Optional.empty(), RunOptions.defaults(), allocator, line -> { })
                            .runOpen(logs, runDir, true)
                    : new RunPipeline(new NoLidar(), Optional.of(rec), RunOptions.defaults(), allocator, line -> { })
                            .runOpen(logs, runDir, true);
            long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long peakRss = rss.peakBytes();
            RecordingDetector reference = references.computeIfAbsent(task, t -> rec);
            Agreement a = task == ModelTask.LIDAR_3D
                    ? Agreement.of(reference.detections(), rec.detections(), AGREEMENT_DISTANCE_M)
                    : Agreement.of2d(reference.detections2d(), rec.detections2d(), AGREEMENT_IOU);
            rows.add(row(labels.get(i), models.get(i), rec, r, peakHeap, peakRss, a));
        }
        return rows;
    }

    private static Row row(String label, Detector model, RecordingDetector rec, RunResult r, long peakHeap,
            long peakRss, Agreement a) {
        double[] ms = rec.latencyMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double sum = Arrays.stream(ms).sum();
        Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        Map<String, Double> aps = new TreeMap<>();
        ModelTask task = rec.card().task();
        if (task == ModelTask.LIDAR_3D) {
            NuScenesResult n = r.lidar();
            metrics.put(Metric.MEAN_AP, n.meanAp());
            metrics.put(Metric.ND_SCORE, n.ndScore());
            n.meanDistAps().forEach(aps::put);
        } else {
            CocoResult c = r.camera().orElseThrow();
            metrics.put(Metric.COCO_AP, undefinedAsNaN(c.stats().get(CocoStat.AP)));
            metrics.put(Metric.COCO_AP50, undefinedAsNaN(c.stats().get(CocoStat.AP50)));
            metrics.put(Metric.COCO_AP75, undefinedAsNaN(c.stats().get(CocoStat.AP75)));
            c.perCategory().values().forEach(cat -> aps.put(cat.name(), undefinedAsNaN(cat.ap())));
        }
        return new Row(label, rec.card().name(), Detectors.backendName(model), task, metrics, aps, ms.length,
                percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), ms.length / (sum / 1000), peakHeap,
                peakRss, a);
    }

    /** COCO marks an undefined figure (no ground truth) with -1. */
    private static double undefinedAsNaN(double v) {
        return v < 0 ? Double.NaN : v;
    }

    /** Nearest-rank percentile of sorted values; NaN when empty. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * The lidar detector of a camera model's run: detects nothing, so the camera's latency is measured alone.
     * Its card is the shipped lidar card renamed {@code none}, untrained, so the run's provenance names no
     * real lidar model.
     */
    private static final class NoLidar implements Detector {
        private final ModelCard card;

        NoLidar() {
            ModelCard c = Detectors.shippedCard(Detectors.DEFAULT_LIDAR);
            this.card = new ModelCard("none", c.task(), c.architecture(), c.input(), c.classes(), c.outputStride(),
                    c.scoreThreshold(), c.nmsThreshold(), c.maxDetections(), 0, Provenance.untrained(0), c.backend());
        }

        @Override
        public ModelCard card() {
            return card;
        }

        @Override
        public Detections detect(FrameSet frames) {
            return new Detections(frames.timestampNs(), List.of(), List.of());
        }
    }
}
