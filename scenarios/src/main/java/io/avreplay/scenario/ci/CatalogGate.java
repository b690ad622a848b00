package io.avreplay.scenario.ci;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.progress.ProgressListener;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.LogProvider;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.catalog.ScenarioLogs;
import io.avreplay.scenario.gate.EvalFrame;
import io.avreplay.scenario.gate.FrameUnits;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.ScenarioScorer;
import io.avreplay.scenario.scoring.ScoringLayout;
import io.avreplay.scenario.scoring.TimeAssociation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Scores every scenario of a catalogue on its window and classes and checks its gates. Output stamps are
 * associated with ground-truth stamps within the scenario's tolerance (default half the lidar period),
 * so an external stack's stamps need not equal the sensor stamps. Each scenario's
 * frames are matched once per model ({@link ScenarioScorer#accumulate}); the bootstrap reuses the units.
 * Each log is opened once per run ({@link ScenarioLogs}): its one reader serves the detections (a model runs
 * on it, {@link DetectionResults#forLog(LogReader)}), the ground truth and the worst frames
 * ({@link WorstFrames#render(Scenario, LogReader, List)}); detections of a log are loaded once per run.
 * Every input problem (missing log, window outside its log, missing or malformed results) is thrown before
 * anything is returned, so callers write reports only for complete runs. Not thread-safe.
 *
 * @param <U> the scorer's units
 */
public final class CatalogGate<U extends FrameUnits> {
    private final ScenarioScorer<U> scorer;
    private final GateEvaluator evaluator;
    private final LogProvider logs;
    private final WorstFrames worstFrames;
    private final BufferAllocator allocator;

    /**
     * @param allocator parent allocator for the log readers (one child per log, closed after use)
     */
    public CatalogGate(ScenarioScorer<U> scorer, GateEvaluator evaluator, LogProvider logs, WorstFrames worstFrames,
            BufferAllocator allocator) {
        this.scorer = scorer;
        this.evaluator = evaluator;
        this.logs = logs;
        this.worstFrames = worstFrames;
        this.allocator = allocator;
    }

    /**
     * @throws io.avreplay.error.BadInputException on a missing log, a window outside its log, or missing or
     *                                             malformed detection results
     */
    public GateRun run(Catalog catalog, DetectionResults candidate, Optional<DetectionResults> baseline) {
        return run(catalog, candidate, baseline, ProgressListener.NONE);
    }

    /**
     * As {@link #run(Catalog, DetectionResults, Optional)}, reporting each scenario scored (stage
     * {@code scenarios}) to {@code progress}.
     */
    public GateRun run(Catalog catalog, DetectionResults candidate, Optional<DetectionResults> baseline,
            ProgressListener progress) {
        PerLog cand = new PerLog(candidate);
        Optional<PerLog> base = baseline.map(PerLog::new);
        List<ScenarioOutcome> out = new ArrayList<>();
        String started = GateRun.now();
        List<Scenario> scenarios = catalog.scenarios();
        try (ScenarioLogs open = new ScenarioLogs(scenarios, logs, allocator)) {
            for (int i = 0; i < scenarios.size(); i++) {
                long t0 = System.nanoTime();
                out.add(score(scenarios.get(i), open.reader(i), cand, base, t0));
                open.done(i);
                progress.step("scenarios", out.size(), scenarios.size());
            }
        }
        return new GateRun(catalog.location().toString(), candidate.describe(),
                baseline.map(DetectionResults::describe).orElse(""), scorer.name(), evaluator.config(),
                ToolVersion.current(), out, started);
    }

    /** One scenario on its open log: window, association, scores, gates and (when it fails) worst frames. */
    private ScenarioOutcome score(Scenario s, LogReader r, PerLog candidate, Optional<PerLog> baseline, long t0) {
        String logId = r.manifest().logId();
        long logStart = r.manifest().startNs();
        long[] w = s.absoluteWindow(r.manifest().startNs(), r.manifest().endNs());
        List<AnnotationFrame<GroundTruth3d>> truth = window(r, w);
        long tolerance = s.scoring().toleranceNs() == ScoringLayout.HALF_LIDAR_PERIOD ? halfLidarPeriodNs(r)
                : s.scoring().toleranceNs();
        TimeAssociation.Result<Detection3d> assoc = associate(truth, candidate.of(r), tolerance);
        List<EvalFrame> candFrames = frames(truth, assoc);
        U cu = scorer.accumulate(candFrames, s.classes());
        Optional<U> bu = baseline.map(b -> scorer.accumulate(frames(truth, associate(truth, b.of(r), tolerance)),
                s.classes()));
        List<GateResult> results = evaluator.evaluate(s.gates(), scorer, cu, bu);
        boolean failed = truth.isEmpty() || results.stream().anyMatch(GateResult::failed);
        return new ScenarioOutcome(s.id(), s.title(), s.source().file().toString(), logId, w[0], w[1],
                truth.size(), s.classes(), results, scorer.curves(cu, 2.0),
                failed ? worstFrames.render(s, r, candFrames) : List.of(), logStart,
                new ScenarioOutcome.Association(tolerance, assoc.outputsWithoutTruth(), assoc.truthWithoutOutput()),
                scorer.detail(cu, s.gates(), s.scoring().bins()), (System.nanoTime() - t0) / 1e9);
    }

    /** One model's detections, computed once per log of a run from the log's open reader. */
    private static final class PerLog {
        private final DetectionResults source;
        private final Map<String, Map<Long, List<Detection3d>>> byLog = new HashMap<>();

        PerLog(DetectionResults source) {
            this.source = source;
        }

        Map<Long, List<Detection3d>> of(LogReader r) {
            return byLog.computeIfAbsent(r.manifest().logId(), id -> source.forLog(r));
        }
    }

    private static List<AnnotationFrame<GroundTruth3d>> window(LogReader r, long[] w) {
        List<AnnotationFrame<GroundTruth3d>> out = new ArrayList<>();
        Optional<FrameStream<AnnotationFrame<GroundTruth3d>>> s = r.annotations3d();
        if (s.isPresent()) {
            for (int i = s.get().ceilIndex(w[0]); i < s.get().size() && s.get().timestampNs(i) <= w[1]; i++) {
                out.add(s.get().read(i));
            }
        }
        return out;
    }

    private static TimeAssociation.Result<Detection3d> associate(List<AnnotationFrame<GroundTruth3d>> truth,
            Map<Long, List<Detection3d>> dets, long toleranceNs) {
        long[] stamps = truth.stream().mapToLong(AnnotationFrame::timestampNs).toArray();
        return TimeAssociation.associate(stamps, dets, toleranceNs);
    }

    private static List<EvalFrame> frames(List<AnnotationFrame<GroundTruth3d>> truth,
            TimeAssociation.Result<Detection3d> assoc) {
        List<EvalFrame> out = new ArrayList<>(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            out.add(new EvalFrame(truth.get(i).timestampNs(), truth.get(i).boxes(), assoc.outputs().get(i)));
        }
        return out;
    }

    /** Half the median interval between the first lidar's sweeps (0 without a lidar or with one sweep). */
    static long halfLidarPeriodNs(LogReader r) {
        Optional<String> lidar = r.lidarIds().stream().findFirst();
        if (lidar.isEmpty()) {
            return 0;
        }
        io.avreplay.replay.arrow.LidarStream s = r.lidar(lidar.get());
        int n = Math.min(s.size(), 101);
        if (n < 2) {
            return 0;
        }
        long[] d = new long[n - 1];
        for (int i = 1; i < n; i++) {
            d[i - 1] = s.timestampNs(i) - s.timestampNs(i - 1);
        }
        java.util.Arrays.sort(d);
        return d[d.length / 2] / 2;
    }
}
