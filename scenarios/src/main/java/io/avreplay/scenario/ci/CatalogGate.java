package io.avreplay.scenario.ci;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.LogProvider;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.gate.EvalFrame;
import io.avreplay.scenario.gate.FrameUnits;
import io.avreplay.scenario.gate.GateEvaluator;
import io.avreplay.scenario.gate.GateResult;
import io.avreplay.scenario.gate.ScenarioScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Scores every scenario of a catalogue on its window and classes and checks its gates. Each scenario's
 * frames are matched once per model ({@link ScenarioScorer#accumulate}); the bootstrap reuses the units.
 * Detections of a log are loaded once per run. Every input problem (missing log, window outside its log,
 * missing or malformed results) is thrown before anything is returned, so callers write reports only for
 * complete runs. Not thread-safe.
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
        Map<String, Map<Long, List<Detection3d>>> candCache = new HashMap<>();
        Map<String, Map<Long, List<Detection3d>>> baseCache = new HashMap<>();
        List<ScenarioOutcome> out = new ArrayList<>();
        for (Scenario s : catalog.scenarios()) {
            Path dir = logs.logDirectory(s);
            List<AnnotationFrame<GroundTruth3d>> truth;
            String logId;
            long[] w;
            try (LogReader r = LogReader.open(dir, allocator)) {
                logId = r.manifest().logId();
                w = s.absoluteWindow(r.manifest().startNs(), r.manifest().endNs());
                truth = window(r, w);
            }
            Map<Long, List<Detection3d>> cand = candCache.computeIfAbsent(logId, id -> candidate.forLog(id, dir));
            List<EvalFrame> candFrames = frames(truth, cand);
            U cu = scorer.accumulate(candFrames, s.classes());
            Optional<U> bu = baseline.map(b -> scorer.accumulate(
                    frames(truth, baseCache.computeIfAbsent(logId, id -> b.forLog(id, dir))), s.classes()));
            List<GateResult> results = evaluator.evaluate(s.gates(), scorer, cu, bu);
            boolean failed = results.stream().anyMatch(GateResult::failed);
            out.add(new ScenarioOutcome(s.id(), s.title(), s.source().file().toString(), logId, w[0], w[1],
                    truth.size(), s.classes(), results, scorer.curves(cu, 2.0),
                    failed ? worstFrames.render(s, dir, candFrames) : List.of()));
        }
        return new GateRun(catalog.location().toString(), candidate.describe(),
                baseline.map(DetectionResults::describe).orElse(""), scorer.name(), evaluator.config(),
                ToolVersion.current(), out);
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

    private static List<EvalFrame> frames(List<AnnotationFrame<GroundTruth3d>> truth, Map<Long,
            List<Detection3d>> dets) {
        List<EvalFrame> out = new ArrayList<>(truth.size());
        for (AnnotationFrame<GroundTruth3d> f : truth) {
            out.add(new EvalFrame(f.timestampNs(), f.boxes(), dets.getOrDefault(f.timestampNs(), List.of())));
        }
        return out;
    }
}
