package io.avreplay.eval.tracking;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.numpy.Numpy;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.BikeRack;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares ground truth and predictions as the devkit does before scoring: the class-range, {@code num_pts}
 * and bike-rack filters, grouping per scene and sample, the per-track mean score of predictions (NumPy's
 * pairwise mean, before interpolation) and the interpolation of gaps inside every track (ground truth and
 * predictions; the devkit weights the right box by the distance to it, and so do we). Stateless.
 */
final class TrackingAccumulator {
    private TrackingAccumulator() {
    }

    /** A box during preparation. */
    private static final class Box {
        final double x;
        final double y;
        double score;
        final String id;
        final int cls;

        Box(double x, double y, double score, String id, int cls) {
            this.x = x;
            this.y = y;
            this.score = score;
            this.id = id;
            this.cls = cls;
        }
    }

    static TrackingMetricData accumulate(TrackingConfig cfg, TrackingGroundTruth gt, List<TrackingBox> preds) {
        Map<String, int[]> sampleIndex = new HashMap<>();
        for (int s = 0; s < gt.scenes().size(); s++) {
            List<TrackingScene.Sample> samples = gt.scenes().get(s).samples();
            for (int f = 0; f < samples.size(); f++) {
                if (sampleIndex.put(samples.get(f).token(), new int[] {s, f}) != null) {
                    throw new BadInputException("tracking ground truth: sample token " + samples.get(f).token()
                            + " appears twice");
                }
            }
        }
        List<String> classes = cfg.classNames();
        List<List<List<Box>>> gtFrames = frames(gt);
        List<List<List<Box>>> predFrames = frames(gt);
        int gtKept = place(cfg, classes, gt, gt.boxes(), sampleIndex, gtFrames, "ground truth");
        int predKept = place(cfg, classes, gt, preds, sampleIndex, predFrames, "prediction");
        List<SceneTracks> scenes = new ArrayList<>();
        for (int s = 0; s < gt.scenes().size(); s++) {
            TrackingScene scene = gt.scenes().get(s);
            averageScores(predFrames.get(s));
            long[] ts = scene.samples().stream().mapToLong(TrackingScene.Sample::timestampUs).toArray();
            interpolate(gtFrames.get(s), ts);
            interpolate(predFrames.get(s), ts);
            List<String> gtIds = new ArrayList<>();
            SceneTracks.Frame[] g = columns(gtFrames.get(s), new LinkedHashMap<>(), gtIds);
            SceneTracks.Frame[] p = columns(predFrames.get(s), new LinkedHashMap<>(), new ArrayList<>());
            scenes.add(new SceneTracks(scene.token(), scene.name(), gtIds, g, p));
        }
        return new TrackingMetricData(cfg, scenes, new TrackingMetricData.Counts(gt.boxes().size(), gtKept,
                preds.size(), predKept));
    }

    private static List<List<List<Box>>> frames(TrackingGroundTruth gt) {
        List<List<List<Box>>> out = new ArrayList<>();
        for (TrackingScene s : gt.scenes()) {
            List<List<Box>> f = new ArrayList<>();
            for (int i = 0; i < s.samples().size(); i++) {
                f.add(new ArrayList<>());
            }
            out.add(f);
        }
        return out;
    }

    private static int place(TrackingConfig cfg, List<String> classes, TrackingGroundTruth gt, List<TrackingBox> boxes,
            Map<String, int[]> sampleIndex, List<List<List<Box>>> frames, String what) {
        int kept = 0;
        for (TrackingBox b : boxes) {
            int[] at = sampleIndex.get(b.sampleToken());
            if (at == null) {
                throw new BadInputException(what + " box of track " + b.trackingId() + ": sample " + b.sampleToken()
                        + " is in no ground-truth scene");
            }
            int cls = classes.indexOf(b.trackingName());
            if (cls < 0) {
                throw new BadInputException(what + " box of track " + b.trackingId() + " in sample " + b.sampleToken()
                        + ": unknown tracking_name " + b.trackingName() + ", expected one of " + classes);
            }
            EgoPosition ego = gt.egoPoses().get(b.sampleToken());
            double ex = b.x() - (ego == null ? 0 : ego.x());
            double ey = b.y() - (ego == null ? 0 : ego.y());
            if (!(Math.sqrt(ex * ex + ey * ey) < cfg.classRangeM().get(b.trackingName())) || b.numPts() == 0
                    || inBikeRack(b, gt.bikeRacks().getOrDefault(b.sampleToken(), List.of()))) {
                continue;
            }
            frames.get(at[0]).get(at[1]).add(new Box(b.x(), b.y(), b.score(), b.trackingId(), cls));
            kept++;
        }
        return kept;
    }

    private static boolean inBikeRack(TrackingBox b, List<BikeRack> racks) {
        if (!b.trackingName().equals("bicycle") && !b.trackingName().equals("motorcycle")) {
            return false;
        }
        for (BikeRack r : racks) {
            if (r.contains(b.x(), b.y(), b.z())) {
                return true;
            }
        }
        return false;
    }

    /** Replaces every prediction's score by the mean score of its track in the scene. */
    private static void averageScores(List<List<Box>> frames) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (List<Box> f : frames) {
            for (Box b : f) {
                int n = counts.merge(b.id, 1, Integer::sum);
                double[] arr = scores.computeIfAbsent(b.id, k -> new double[8]);
                if (n > arr.length) {
                    arr = java.util.Arrays.copyOf(arr, arr.length * 2);
                    scores.put(b.id, arr);
                }
                arr[n - 1] = b.score;
            }
        }
        Map<String, Double> mean = new HashMap<>();
        scores.forEach((id, arr) -> mean.put(id, Numpy.mean(java.util.Arrays.copyOf(arr, counts.get(id)))));
        for (List<Box> f : frames) {
            for (Box b : f) {
                b.score = mean.get(b.id);
            }
        }
    }

    /** Fills every frame strictly inside a track's span where the track has no box. */
    private static void interpolate(List<List<Box>> frames, long[] ts) {
        Map<String, List<Integer>> frameOf = new LinkedHashMap<>();
        Map<String, List<Box>> boxOf = new HashMap<>();
        for (int f = 0; f < frames.size(); f++) {
            for (Box b : frames.get(f)) {
                frameOf.computeIfAbsent(b.id, k -> new ArrayList<>()).add(f);
                boxOf.computeIfAbsent(b.id, k -> new ArrayList<>()).add(b);
            }
        }
        for (int f = 0; f < frames.size(); f++) {
            for (Map.Entry<String, List<Integer>> e : frameOf.entrySet()) {
                List<Integer> fs = e.getValue();
                if (fs.get(0) > f || fs.get(fs.size() - 1) < f || fs.contains(f)) {
                    continue;
                }
                int right = 0;
                while (fs.get(right) <= f) {
                    right++;
                }
                Box rb = boxOf.get(e.getKey()).get(right);
                Box lb = boxOf.get(e.getKey()).get(right - 1);
                long tr = ts[fs.get(right)];
                long tl = ts[fs.get(right - 1)];
                double ratio = (double) (tr - ts[f]) / (double) (tr - tl);
                double keep = 1.0 - ratio;
                frames.get(f).add(new Box(keep * lb.x + ratio * rb.x, keep * lb.y + ratio * rb.y,
                        keep * lb.score + ratio * rb.score, rb.id, rb.cls));
            }
        }
    }

    private static SceneTracks.Frame[] columns(List<List<Box>> frames, Map<String, Integer> ids, List<String> idNames) {
        SceneTracks.Frame[] out = new SceneTracks.Frame[frames.size()];
        for (int f = 0; f < frames.size(); f++) {
            List<Box> list = frames.get(f);
            int n = list.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] s = new double[n];
            int[] id = new int[n];
            int[] cls = new int[n];
            for (int i = 0; i < n; i++) {
                Box b = list.get(i);
                x[i] = b.x;
                y[i] = b.y;
                s[i] = b.score;
                Integer k = ids.get(b.id);
                if (k == null) {
                    k = ids.size();
                    ids.put(b.id, k);
                    idNames.add(b.id);
                }
                id[i] = k;
                cls[i] = b.cls;
            }
            out[f] = new SceneTracks.Frame(x, y, s, id, cls);
        }
        return out;
    }
}
