package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds per-object timelines from matched frames. Objects without an instance id are left out. The frame
 * period of a log is the median interval between its consecutive frames (0 with fewer than two frames);
 * a run of misses ends at a frame where the object is detected or is not in the filter. Stateless.
 */
public final class Timelines {
    private Timelines() {
    }

    /** @return one timeline per object in the filter, worst first (longest miss, then latest first detection) */
    public static List<ObjectTimeline> of(List<MatchedFrame> frames, ObjectFilter filter) {
        Map<String, List<Integer>> byLog = new LinkedHashMap<>();
        for (int f = 0; f < frames.size(); f++) {
            byLog.computeIfAbsent(frames.get(f).logId(), k -> new ArrayList<>()).add(f);
        }
        List<ObjectTimeline> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> log : byLog.entrySet()) {
            out.addAll(ofLog(log.getKey(), log.getValue().stream().map(frames::get).toList(), filter));
        }
        out.sort(Comparator.comparingDouble(ObjectTimeline::longestMissS).reversed()
                .thenComparing(Comparator.comparingDouble(ObjectTimeline::firstDetectS).reversed())
                .thenComparing(ObjectTimeline::trackId));
        return out;
    }

    private static final class State {
        final String category;
        final long firstNs;
        int present;
        int detected;
        int run;
        int longestRun;
        int lastFrame = -2;
        long firstDetectNs = -1;

        State(String category, long firstNs) {
            this.category = category;
            this.firstNs = firstNs;
        }
    }

    private static List<ObjectTimeline> ofLog(String logId, List<MatchedFrame> frames, ObjectFilter filter) {
        double periodS = periodS(frames);
        Map<String, State> objects = new LinkedHashMap<>();
        for (int f = 0; f < frames.size(); f++) {
            MatchedFrame fr = frames.get(f);
            for (ObjectRow g : fr.truth()) {
                if (g.trackId().isEmpty() || Placement.truth(g, filter) != Placement.COUNTED) {
                    continue;
                }
                State s = objects.computeIfAbsent(g.trackId(), k -> new State(g.category(), fr.timestampNs()));
                if (s.lastFrame != f - 1) {
                    s.run = 0;
                }
                s.lastFrame = f;
                s.present++;
                if (g.matched()) {
                    s.detected++;
                    s.run = 0;
                    if (s.firstDetectNs < 0) {
                        s.firstDetectNs = fr.timestampNs();
                    }
                } else {
                    s.run++;
                    s.longestRun = Math.max(s.longestRun, s.run);
                }
            }
        }
        List<ObjectTimeline> out = new ArrayList<>();
        objects.forEach((id, s) -> out.add(new ObjectTimeline(logId, id, s.category, s.firstNs, s.present, s.detected,
                s.longestRun * periodS, s.firstDetectNs < 0 ? Double.POSITIVE_INFINITY
                        : (s.firstDetectNs - s.firstNs) / 1e9)));
        return out;
    }

    /** @return the median interval between consecutive frames, seconds */
    static double periodS(List<MatchedFrame> frames) {
        if (frames.size() < 2) {
            return 0;
        }
        long[] d = new long[frames.size() - 1];
        for (int i = 1; i < frames.size(); i++) {
            d[i - 1] = frames.get(i).timestampNs() - frames.get(i - 1).timestampNs();
        }
        Arrays.sort(d);
        int m = d.length / 2;
        return (d.length % 2 == 1 ? d[m] : (d[m - 1] + d[m]) / 2.0) / 1e9;
    }
}
