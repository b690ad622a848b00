package io.avreplay.perception.track;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A greedy closest-distance tracker with constant-velocity prediction (the CenterPoint style), working in
 * the world frame. Each {@link #update}:
 * <ol>
 * <li>predicts every live track's centre: its last observed centre plus its velocity times the time since
 *     that observation (velocity 0 while a track has a single observation);</li>
 * <li>pairs detections with tracks of the same category whose predicted centre lies within the
 *     category's {@link TrackerParams#matchDistanceM} (x-y distance, inclusive) and accepts pairs greedily,
 *     closest first (ties: lower detection index, then older track), each detection and track at most once;</li>
 * <li>a matched track takes the detection's centre as its observation and re-estimates its velocity as
 *     the least-squares slope of centre against time over its observations inside
 *     {@link TrackerParams#velocityWindowNs} of the newest (at least the last two: after a long gap, the
 *     difference of the last two);</li>
 * <li>an unmatched track counts a miss and ends after more than {@link TrackerParams#maxAge} consecutive
 *     misses; an unmatched detection scoring at least {@link TrackerParams#birthScore} starts a track with a
 *     new id ("1", "2", ... in order of birth), and a lower one is dropped.</li>
 * </ol>
 * The output of a frame is its detections that belong to a track, in input order, each with its track id,
 * track score = the detection's score, and velocity = the track's world velocity expressed in the ego axes
 * of the frame (the convention of the logs' ground truth: absolute velocity, not relative to the ego); a
 * track's first detection has velocity NaN (unknown). Boxes are unchanged (ego frame).
 *
 * <p>Deterministic: the same frames give the same tracks. One tracker follows one sequence (a log); it is
 * not thread-safe.
 */
public final class Tracker {
    private final TrackerParams params;
    private final List<Track> live = new ArrayList<>();
    private long nextId = 1;
    private long lastTimestampNs;
    private boolean started;

    /** @param params association, birth and death rules */
    public Tracker(TrackerParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * Tracks every frame of a sequence with a fresh tracker.
     *
     * @return per frame, the tracked detections (see {@link #update})
     */
    public static List<List<Detection3d>> track(List<TrackerFrame> frames, TrackerParams params) {
        Tracker t = new Tracker(params);
        List<List<Detection3d>> out = new ArrayList<>(frames.size());
        for (TrackerFrame f : frames) {
            out.add(t.update(f));
        }
        return out;
    }

    /**
     * Advances the tracks by one frame.
     *
     * @return the frame's detections that belong to a track, in input order, ego frame, with track id, track
     *         score and velocity set
     * @throws IllegalArgumentException when the frame is not later than the previous one
     */
    public List<Detection3d> update(TrackerFrame frame) {
        return output(frame, step(frame), false);
    }

    /**
     * Advances the tracks by one frame, like {@link #update}, and returns every detection of the frame.
     *
     * @return the frame's detections in input order: those that belong to a track with track id, track score
     *         and velocity set, the dropped ones (unmatched, below the birth score) unchanged
     * @throws IllegalArgumentException when the frame is not later than the previous one
     */
    public List<Detection3d> annotate(TrackerFrame frame) {
        return output(frame, step(frame), true);
    }

    /** @return per detection of the frame, its track after this frame, or null when dropped */
    private Track[] step(TrackerFrame frame) {
        long t = frame.timestampNs();
        if (started && t <= lastTimestampNs) {
            throw new IllegalArgumentException("tracker frames must have increasing timestamps, got " + t
                    + " ns after " + lastTimestampNs + " ns");
        }
        started = true;
        lastTimestampNs = t;
        List<Detection3d> dets = frame.detections();
        Vec3[] centres = new Vec3[dets.size()];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = frame.egoToWorld().apply(dets.get(i).box().centre());
        }
        Track[] owner = associate(dets, centres, t);
        List<Track> survivors = new ArrayList<>(live.size());
        for (Track k : live) {
            if (k.lastSeenNs == t || ++k.missed <= params.maxAge()) {
                survivors.add(k);
            }
        }
        live.clear();
        live.addAll(survivors);
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] == null && dets.get(i).score() >= params.birthScore()) {
                owner[i] = new Track(String.valueOf(nextId++), dets.get(i).category(), t, centres[i]);
                live.add(owner[i]);
            }
        }
        return owner;
    }

    /** A candidate pairing of detection {@code det} with live track {@code track}. */
    private record Pair(double distanceM, int det, int track) {
    }

    /** Greedy closest-first matching; matched tracks take their detection as a new observation. */
    private Track[] associate(List<Detection3d> dets, Vec3[] centres, long t) {
        List<Pair> pairs = new ArrayList<>();
        for (int k = 0; k < live.size(); k++) {
            Track track = live.get(k);
            double dt = (t - track.lastSeenNs) / 1e9;
            double px = track.last().x() + track.vx * dt;
            double py = track.last().y() + track.vy * dt;
            for (int i = 0; i < centres.length; i++) {
                if (!dets.get(i).category().equals(track.category)) {
                    continue;
                }
                double d = Math.hypot(centres[i].x() - px, centres[i].y() - py);
                if (d <= params.matchDistanceM(track.category)) {
                    pairs.add(new Pair(d, i, k));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distanceM).thenComparingInt(Pair::det)
                .thenComparingInt(Pair::track));
        Track[] owner = new Track[centres.length];
        boolean[] taken = new boolean[live.size()];
        for (Pair p : pairs) {
            if (owner[p.det()] == null && !taken[p.track()]) {
                owner[p.det()] = live.get(p.track());
                taken[p.track()] = true;
            }
        }
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] != null) {
                owner[i].observe(t, centres[i], params.velocityWindowNs());
            }
        }
        return owner;
    }

    private List<Detection3d> output(TrackerFrame frame, Track[] owner, boolean keepDropped) {
        var worldToEgo = frame.egoToWorld().rotation().inverse();
        List<Detection3d> out = new ArrayList<>();
        for (int i = 0; i < owner.length; i++) {
            Track k = owner[i];
            Detection3d d = frame.detections().get(i);
            if (k == null) {
                if (keepDropped) {
                    out.add(d);
                }
                continue;
            }
            double vx = Double.NaN;
            double vy = Double.NaN;
            if (k.hasVelocity()) {
                Vec3 v = worldToEgo.rotate(new Vec3(k.vx, k.vy, 0));
                vx = v.x();
                vy = v.y();
            }
            out.add(new Detection3d(d.box(), d.category(), d.score(), vx, vy, d.attributes(), k.id, d.score(),
                    d.modelId()));
        }
        return out;
    }

    /** A live track: its recent observations (world frame) and its world velocity (m/s). */
    private static final class Track {
        private record Observation(long timestampNs, double x, double y) {
        }

        final String id;
        final String category;
        final ArrayDeque<Observation> history = new ArrayDeque<>();
        long lastSeenNs;
        int missed;
        double vx;
        double vy;

        Track(String id, String category, long t, Vec3 centre) {
            this.id = id;
            this.category = category;
            observe(t, centre, 1);
        }

        Observation last() {
            return history.peekLast();
        }

        boolean hasVelocity() {
            return history.size() >= 2;
        }

        void observe(long t, Vec3 centre, long windowNs) {
            history.addLast(new Observation(t, centre.x(), centre.y()));
            lastSeenNs = t;
            missed = 0;
            while (history.size() > 2 && history.peekFirst().timestampNs() < t - windowNs) {
                history.removeFirst();
            }
            if (history.size() >= 2) {
                fitVelocity();
            }
        }

        /** Least-squares slope of x(t) and y(t) over the kept observations (exact for constant velocity). */
        private void fitVelocity() {
            long t0 = history.peekFirst().timestampNs();
            double mt = 0;
            double mx = 0;
            double my = 0;
            for (Observation o : history) {
                mt += (o.timestampNs() - t0) / 1e9;
                mx += o.x();
                my += o.y();
            }
            int n = history.size();
            mt /= n;
            mx /= n;
            my /= n;
            double stt = 0;
            double stx = 0;
            double sty = 0;
            for (Observation o : history) {
                double dt = (o.timestampNs() - t0) / 1e9 - mt;
                stt += dt * dt;
                stx += dt * (o.x() - mx);
                sty += dt * (o.y() - my);
            }
            vx = stx / stt;
            vy = sty / stt;
        }
    }
}
