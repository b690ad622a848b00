package io.avreplay.replay.play;

import io.avreplay.replay.time.TimeSpec;
import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.log.StreamKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A replay's resolved selection: which streams of which logs, and the window {@code [startNs, endNs)}.
 * Computed from the manifests only.
 */
final class ReplayPlan {
    private final List<StreamSlot> slots;
    private final long timelineStartNs;
    private final long timelineEndNs;
    private final long startNs;
    private final long endNs;

    private ReplayPlan(List<StreamSlot> slots, long timelineStartNs, long timelineEndNs, long startNs, long endNs) {
        this.slots = List.copyOf(slots);
        this.timelineStartNs = timelineStartNs;
        this.timelineEndNs = timelineEndNs;
        this.startNs = startNs;
        this.endNs = endNs;
    }

    /**
     * @param selectors sensor ids or stream kinds ({@code lidar}, {@code camera}); empty = every sensor
     * @throws InvalidConfigException for an unknown sensor or a window outside the logs
     * @throws BadInputException      when two overlapping logs both have a selected sensor id
     */
    static ReplayPlan resolve(List<LogReader> readers, List<String> selectors, Optional<TimeSpec> start,
            Optional<TimeSpec> end) {
        if (readers.isEmpty()) {
            throw new InvalidConfigException("a replay needs at least one log");
        }
        List<StreamSlot> slots = select(readers, selectors);
        checkClashes(readers, slots);
        long tStart = readers.stream().mapToLong(r -> r.manifest().startNs()).min().orElseThrow();
        long tEnd = readers.stream().mapToLong(r -> r.manifest().endNs()).max().orElseThrow();
        long s = start.map(t -> t.resolve(tStart)).orElse(tStart);
        long e = end.map(t -> t.resolve(tStart)).orElse(tEnd == Long.MAX_VALUE ? tEnd : tEnd + 1);
        if (s > tEnd || e <= tStart) {
            throw new InvalidConfigException("replay window [" + s + ", " + e + ") ns lies outside the log"
                    + (readers.size() > 1 ? "s" : "") + " (" + ids(readers) + " span [" + tStart + ", " + tEnd
                    + "] ns, " + String.format(java.util.Locale.ROOT, "%.3f", (tEnd - tStart) / 1e9)
                    + " s); offsets such as 5s count from the start");
        }
        if (s >= e) {
            throw new InvalidConfigException("replay window is empty: start " + s + " ns (" + start.map(Object::toString)
                    .orElse("log start") + ") is not before end " + e + " ns (" + end.map(Object::toString)
                    .orElse("log end") + ")");
        }
        return new ReplayPlan(slots, tStart, tEnd, s, e);
    }

    private static List<StreamSlot> select(List<LogReader> readers, List<String> selectors) {
        Set<StreamSlot> out = new LinkedHashSet<>();
        if (selectors.isEmpty()) {
            for (int i = 0; i < readers.size(); i++) {
                for (StreamInfo s : readers.get(i).manifest().streams()) {
                    if (s.kind().isSensor()) {
                        out.add(slot(readers, i, s));
                    }
                }
            }
        }
        for (String sel : selectors) {
            List<StreamSlot> found = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                for (StreamInfo s : readers.get(i).manifest().streams()) {
                    if (s.kind().isSensor() && s.sensor().equals(sel)) {
                        found.add(slot(readers, i, s));
                    }
                }
            }
            if (found.isEmpty() && (sel.equals("lidar") || sel.equals("camera"))) {
                StreamKind kind = StreamKind.fromId(sel);
                for (int i = 0; i < readers.size(); i++) {
                    for (StreamInfo s : readers.get(i).manifest().streams(kind)) {
                        found.add(slot(readers, i, s));
                    }
                }
            }
            if (found.isEmpty()) {
                throw unknownSensor(readers, sel);
            }
            out.addAll(found);
        }
        List<StreamSlot> sorted = new ArrayList<>(out);
        sorted.sort(StreamSlot.TIE_ORDER);
        return sorted;
    }

    private static StreamSlot slot(List<LogReader> readers, int i, StreamInfo s) {
        return new StreamSlot(i, readers.get(i).manifest().logId(), s.kind(), s.sensor());
    }

    private static InvalidConfigException unknownSensor(List<LogReader> readers, String sel) {
        if (readers.size() == 1) {
            return new InvalidConfigException(readers.get(0).directory() + ": no sensor '" + sel + "' (the log has: "
                    + String.join(", ", readers.get(0).sensorIds()) + "; or select a kind: lidar, camera)");
        }
        return new InvalidConfigException("no sensor '" + sel + "' in any log (" + readers.stream()
                .map(r -> r.manifest().logId() + " has: " + String.join(", ", r.sensorIds()))
                .collect(Collectors.joining("; ")) + "; or select a kind: lidar, camera)");
    }

    private static void checkClashes(List<LogReader> readers, List<StreamSlot> slots) {
        for (StreamSlot a : slots) {
            for (StreamSlot b : slots) {
                if (a.logIndex() < b.logIndex() && a.kind() == b.kind() && a.sensorId().equals(b.sensorId())) {
                    LogManifest ma = readers.get(a.logIndex()).manifest();
                    LogManifest mb = readers.get(b.logIndex()).manifest();
                    if (ma.startNs() <= mb.endNs() && mb.startNs() <= ma.endNs()) {
                        throw new BadInputException("logs " + readers.get(a.logIndex()).directory() + " ["
                                + ma.startNs() + ", " + ma.endNs() + "] ns and " + readers.get(b.logIndex()).directory()
                                + " [" + mb.startNs() + ", " + mb.endNs() + "] ns overlap in time and both have "
                                + a.kind().id() + " '" + a.sensorId() + "'; replay them separately or select "
                                + "sensors that only one of them has");
                    }
                }
            }
        }
    }

    private static String ids(List<LogReader> readers) {
        return readers.stream().map(r -> r.manifest().logId()).collect(Collectors.joining(", "));
    }

    List<StreamSlot> slots() {
        return slots;
    }

    long startNs() {
        return startNs;
    }

    long endNs() {
        return endNs;
    }

    long timelineStartNs() {
        return timelineStartNs;
    }

    long timelineEndNs() {
        return timelineEndNs;
    }
}
