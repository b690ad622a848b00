package io.avreplay.eval.tracking;

import io.avreplay.eval.numpy.Numpy;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The CLEAR MOT counts of one class at one score threshold over all scenes, gathered from the matcher's
 * events as py-motmetrics and the devkit's custom metrics read them from the event table: per ground-truth
 * track its first frame, tracked frames, first and last tracked frame, longest untracked run and
 * fragmentations. Frame ids count only frames that hold a box of the class. Not thread-safe.
 */
final class ClearMotCounts {
    private int frames;
    private long matches;
    private long switches;
    private long misses;
    private long falsePositives;
    private double[] distances = new double[256];
    private int distanceCount;

    private final int[] events;
    private final int[] tracked;
    private final int[] firstFrame;
    private final int[] lastFrame;
    private final int[] firstTracked;
    private final int[] lastTracked;
    private final int[] maxInnerGap;
    private final int[] frag;
    private final byte[] state;

    private static final byte NONE = 0;
    private static final byte TRACKED = 1;
    private static final byte LOST = 2;
    private static final byte LOST_AFTER_TRACKED = 3;

    /** @param objects number of ground-truth tracks (global indices) */
    ClearMotCounts(int objects) {
        events = new int[objects];
        tracked = new int[objects];
        firstFrame = new int[objects];
        lastFrame = new int[objects];
        firstTracked = new int[objects];
        lastTracked = new int[objects];
        maxInnerGap = new int[objects];
        frag = new int[objects];
        state = new byte[objects];
        Arrays.fill(firstTracked, -1);
    }

    void frame() {
        frames++;
    }

    void match(int object, int frame, double distanceM, boolean isSwitch) {
        if (isSwitch) {
            switches++;
        } else {
            matches++;
        }
        addDistance(distanceM);
        seen(object, frame);
        tracked[object]++;
        if (firstTracked[object] < 0) {
            firstTracked[object] = frame;
        } else {
            maxInnerGap[object] = Math.max(maxInnerGap[object], frame - lastTracked[object] - 1);
        }
        if (state[object] == LOST_AFTER_TRACKED) {
            frag[object]++;
        }
        lastTracked[object] = frame;
        state[object] = TRACKED;
    }

    void miss(int object, int frame) {
        misses++;
        addDistance(0);
        seen(object, frame);
        state[object] = state[object] == TRACKED || state[object] == LOST_AFTER_TRACKED ? LOST_AFTER_TRACKED : LOST;
    }

    void falsePositive() {
        falsePositives++;
        addDistance(0);
    }

    private void seen(int object, int frame) {
        if (events[object] == 0) {
            firstFrame[object] = frame;
        }
        events[object]++;
        lastFrame[object] = frame;
    }

    private void addDistance(double d) {
        if (distanceCount == distances.length) {
            distances = Arrays.copyOf(distances, distanceCount * 2);
        }
        distances[distanceCount++] = d;
    }

    /** @return the 15 per-threshold metrics (everything but AMOTA and AMOTP) */
    Map<TrackingMetric, Double> metrics() {
        long objects = matches + switches + misses;
        long detections = matches + switches;
        Map<TrackingMetric, Double> out = new EnumMap<>(TrackingMetric.class);
        out.put(TrackingMetric.GT, (double) objects);
        out.put(TrackingMetric.TP, (double) matches);
        out.put(TrackingMetric.FP, (double) falsePositives);
        out.put(TrackingMetric.FN, (double) misses);
        out.put(TrackingMetric.IDS, (double) switches);
        out.put(TrackingMetric.RECALL, (double) detections / objects);
        double recall = (double) matches / objects;
        double nominator = (double) (misses + switches + falsePositives) - (1 - recall) * objects;
        double denominator = recall * objects;
        out.put(TrackingMetric.MOTAR, denominator == 0 ? Double.NaN : clip(1 - 1.0 * nominator / denominator));
        out.put(TrackingMetric.MOTA, clip(1. - (double) (misses + switches + falsePositives) / objects));
        out.put(TrackingMetric.MOTP, detections == 0 ? Double.NaN
                : Numpy.sum(distances, 0, distanceCount) / detections);
        out.put(TrackingMetric.FAF, (double) falsePositives / frames * 100);
        int mt = 0;
        int ml = 0;
        int frags = 0;
        int matchedTracks = 0;
        double tid = 0;
        double lgd = 0;
        int present = 0;
        for (int o = 0; o < events.length; o++) {
            if (events[o] == 0) {
                continue;
            }
            present++;
            double ratio = (double) tracked[o] / events[o];
            if (ratio >= 0.8) {
                mt++;
            }
            if (ratio < 0.2) {
                ml++;
            }
            frags += frag[o];
            if (firstTracked[o] >= 0) {
                matchedTracks++;
                tid += (firstTracked[o] - firstFrame[o]) * 0.5;
                int gap = Math.max(firstTracked[o] - firstFrame[o],
                        Math.max(maxInnerGap[o], lastFrame[o] - lastTracked[o]));
                lgd += gap * 0.5;
            }
        }
        out.put(TrackingMetric.MT, (double) mt);
        out.put(TrackingMetric.ML, (double) ml);
        out.put(TrackingMetric.FRAG, (double) frags);
        out.put(TrackingMetric.TID, matchedTracks == 0 ? Double.NaN : tid / matchedTracks);
        out.put(TrackingMetric.LGD, present == 0 || matchedTracks == 0 ? Double.NaN : lgd / matchedTracks);
        return out;
    }

    private static double clip(double v) {
        return Double.isNaN(v) ? v : Math.max(0, v);
    }
}
