package io.avreplay.scenario.mining;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds windows in a log: each rule is tested on every annotated timestamp; each timestamp where it holds
 * gives [t − pre-roll, t + post-roll] clipped to the log, and overlapping or touching windows of the same
 * rule merge. Thread-safe.
 */
public final class Miner {
    private final RuleSet rules;

    public Miner(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    /** Loads what predicates need from an open log: all 3D annotation frames and the ego trajectory. */
    public static MiningLog load(LogReader reader) {
        List<AnnotationFrame<GroundTruth3d>> frames = new ArrayList<>();
        reader.annotations3d().ifPresent(s -> readAll(s, frames));
        return new MiningLog(reader.manifest().logId(), reader.manifest().startNs(), reader.manifest().endNs(), frames,
                reader.egoTrajectory());
    }

    private static void readAll(FrameStream<AnnotationFrame<GroundTruth3d>> s,
            List<AnnotationFrame<GroundTruth3d>> out) {
        for (int i = 0; i < s.size(); i++) {
            out.add(s.read(i));
        }
    }

    /** @return the windows of every rule, rule by rule in rule-file order, each rule's in time order */
    public List<MinedWindow> mine(MiningLog log) {
        List<MinedWindow> out = new ArrayList<>();
        for (MiningRule rule : rules.rules()) {
            List<Long> hits = new ArrayList<>();
            for (int i = 0; i < log.frames().size(); i++) {
                if (rule.when().test(log, i)) {
                    hits.add(log.t(i));
                }
            }
            out.addAll(merge(log, rule, hits));
        }
        return out;
    }

    private List<MinedWindow> merge(MiningLog log, MiningRule rule, List<Long> hits) {
        List<MinedWindow> out = new ArrayList<>();
        long start = 0;
        long end = 0;
        long first = 0;
        int count = 0;
        for (long t : hits) {
            long s = Math.max(log.startNs(), t - rules.preRollNs());
            long e = Math.min(log.endNs(), t + rules.postRollNs());
            if (count > 0 && s <= end) {
                end = Math.max(end, e);
                count++;
                continue;
            }
            if (count > 0) {
                add(out, log, rule, start, end, count, first);
            }
            start = s;
            end = e;
            first = t;
            count = 1;
        }
        if (count > 0) {
            add(out, log, rule, start, end, count, first);
        }
        return out;
    }

    private static void add(List<MinedWindow> out, MiningLog log, MiningRule rule, long s, long e, int n, long first) {
        if (e > s) {
            out.add(new MinedWindow(log.logId(), rule, s, e, n, first));
        }
    }
}
