package io.avreplay.replay.play;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.sync.SyncOptions;
import io.avreplay.replay.sync.SyncPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frame sets in order: the reference stream's frames (scheduled by a {@link FrameSchedule}) and, for
 * each, every camera's frame chosen by the {@link SyncPolicy} from the time indexes alone. A camera
 * whose id appears in several (non-overlapping) logs is searched in all of them; the best candidate
 * wins, the earlier log on a tie.
 */
final class SyncSchedule implements Iterator<SetStep> {
    private final FrameSchedule references;
    private final Map<String, List<Candidate>> cameras = new LinkedHashMap<>();
    private final SyncOptions options;

    private record Candidate(StreamSlot slot, FrameStream<?> stream) {
    }

    SyncSchedule(List<LogReader> readers, SyncPlan plan, long startNs, long endNs, int loops, SyncOptions options) {
        this.options = options;
        this.references = FrameSchedule.over(readers, plan.referenceSlots(), startNs, endNs, loops);
        for (StreamSlot s : plan.cameraSlots()) {
            LogReader r = readers.get(s.logIndex());
            FrameStream<?> fs = r.stream(r.manifest().stream(StreamKind.CAMERA, s.sensorId()).orElseThrow());
            cameras.computeIfAbsent(s.sensorId(), k -> new ArrayList<>()).add(new Candidate(s, fs));
        }
    }

    @Override
    public boolean hasNext() {
        return references.hasNext();
    }

    @Override
    public SetStep next() {
        FrameStep ref = references.next();
        List<FrameStep> picks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> e : cameras.entrySet()) {
            FrameStep best = null;
            for (Candidate c : e.getValue()) {
                int i = options.policy().pick(c.stream(), ref.timestampNs(), options.toleranceNs());
                if (i >= 0) {
                    FrameStep cand = new FrameStep(c.slot(), i, c.stream().timestampNs(i), ref.loop());
                    if (best == null || better(cand, best, ref.timestampNs())) {
                        best = cand;
                    }
                }
            }
            if (best == null) {
                missing.add(e.getKey());
            } else {
                picks.add(best);
            }
        }
        return new SetStep(ref, picks, missing);
    }

    private boolean better(FrameStep a, FrameStep b, long refNs) {
        if (options.policy() == SyncPolicy.LATEST_BEFORE) {
            return a.timestampNs() > b.timestampNs();
        }
        return Math.abs(a.timestampNs() - refNs) < Math.abs(b.timestampNs() - refNs);
    }
}
