package io.avreplay.scenario.catalog;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a catalogue covers: scenarios, window duration and (when logs are available) object instances —
 * distinct track ids in the windows — by tag value and by class, and the tag values and classes with
 * too little data.
 *
 * @param scenarios         number of scenarios
 * @param durationNs        total window duration, ns
 * @param byTag             one bucket per tag value ({@code weather=rain}), including closed-vocabulary
 *                          values no scenario has
 * @param byClass           one bucket per class listed by a scenario or seen in a window
 * @param instancesCounted  whether logs were read (otherwise every {@code instances} is -1)
 * @param thin              buckets under the minimum scenarios or duration, with the reason
 */
public record Coverage(int scenarios, long durationNs, List<Bucket> byTag, List<Bucket> byClass, boolean instancesCounted,
        List<String> thin) {
    public Coverage {
        byTag = List.copyOf(byTag);
        byClass = List.copyOf(byClass);
        thin = List.copyOf(thin);
    }

    /**
     * @param name       e.g. {@code weather=rain} or {@code pedestrian}
     * @param scenarios  scenarios in the bucket
     * @param durationNs their total window duration, ns
     * @param instances  object instances (distinct tracks) in their windows; -1 when logs were not read
     */
    public record Bucket(String name, int scenarios, long durationNs, long instances) {
    }

    /**
     * Computes coverage.
     *
     * @param logs          where to read logs to count instances; empty to skip counting
     * @param allocator     for the log readers
     * @param minScenarios  a bucket with fewer scenarios is thin
     * @param minDurationNs a bucket with less window time is thin
     * @throws io.avreplay.error.BadInputException when logs are given and one is missing or a window is outside it
     */
    public static Coverage of(Catalog catalog, Optional<LogProvider> logs, BufferAllocator allocator, int minScenarios,
            long minDurationNs) {
        Map<String, long[]> tags = new TreeMap<>();
        for (TagKey k : TagKey.values()) {
            for (String v : new java.util.TreeSet<>(k.allowed())) {
                tags.put(k.key() + "=" + v, new long[] {0, 0, 0});
            }
        }
        Map<String, long[]> classes = new TreeMap<>();
        long total = 0;
        List<Scenario> scenarios = catalog.scenarios();
        try (ScenarioLogs open = logs.map(l -> new ScenarioLogs(scenarios, l, allocator)).orElse(null)) {
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                long d = s.window().durationNs();
                total += d;
                Map<String, Long> inst = open == null ? Map.of() : instances(s, open.reader(i));
                if (open != null) {
                    open.done(i);
                }
                long all = inst.values().stream().mapToLong(Long::longValue).sum();
                s.tags().forEach((k, vs) -> vs.forEach(v -> add(tags, k.key() + "=" + v, d, all)));
                for (String c : s.classes()) {
                    add(classes, c, d, 0);
                }
                inst.forEach((c, n) -> classes.computeIfAbsent(c, x -> new long[3])[2] += n);
            }
        }
        boolean counted = logs.isPresent();
        List<Bucket> byTag = buckets(tags, counted);
        List<Bucket> byClass = buckets(classes, counted);
        List<String> thin = new ArrayList<>();
        for (Bucket b : concat(byTag, byClass)) {
            if (b.scenarios() < minScenarios || b.durationNs() < minDurationNs) {
                thin.add(b.name() + ": " + b.scenarios() + " scenario(s), " + TimeWindow.seconds(b.durationNs())
                        + " (minimum " + minScenarios + ", " + TimeWindow.seconds(minDurationNs) + ")");
            }
        }
        return new Coverage(catalog.scenarios().size(), total, byTag, byClass, counted, thin);
    }

    private static List<Bucket> concat(List<Bucket> a, List<Bucket> b) {
        List<Bucket> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void add(Map<String, long[]> m, String key, long d, long inst) {
        long[] v = m.computeIfAbsent(key, x -> new long[3]);
        v[0]++;
        v[1] += d;
        v[2] += inst;
    }

    private static List<Bucket> buckets(Map<String, long[]> m, boolean counted) {
        List<Bucket> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Bucket(k, (int) v[0], v[1], counted ? v[2] : -1)));
        return out;
    }

    /** Distinct track ids per category in the scenario's window. */
    private static Map<String, Long> instances(Scenario s, LogReader r) {
        long[] w = s.absoluteWindow(r.manifest().startNs(), r.manifest().endNs());
        Map<String, Set<String>> tracks = new HashMap<>();
        Optional<FrameStream<AnnotationFrame<GroundTruth3d>>> st = r.annotations3d();
        if (st.isPresent()) {
            FrameStream<AnnotationFrame<GroundTruth3d>> f = st.get();
            for (int i = f.ceilIndex(w[0]); i < f.size() && f.timestampNs(i) <= w[1]; i++) {
                for (GroundTruth3d a : f.read(i).boxes()) {
                    tracks.computeIfAbsent(a.category(), x -> new HashSet<>()).add(a.trackId());
                }
            }
        }
        Map<String, Long> out = new TreeMap<>();
        tracks.forEach((c, t) -> out.put(c, (long) t.size()));
        return out;
    }
}
