package io.avreplay.eval.av2;

import io.avreplay.error.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * av2's {@code evaluate} up to the summary: rows sorted stably by (log id, timestamp, category), then per
 * sweep and category: detections ordered by descending score (stable), range and per-category cap filters,
 * and {@code assign}: each detection takes its nearest annotation (3D centre distance, first on ties), each
 * annotation keeps only the best-scored detection that took it, which is a true positive at the thresholds
 * its distance is strictly below. Stateless.
 */
final class Av2Accumulator {
    private Av2Accumulator() {
    }

    static Av2MetricData accumulate(Av2Config cfg, Av2Table gt, Av2Table dt) {
        Integer[] g = sorted(gt);
        Integer[] d = sorted(dt);
        Map<String, List<Av2MetricData.Detection>> dets = new HashMap<>();
        Map<String, Integer> annotations = new HashMap<>();
        int gi = 0;
        int di = 0;
        int evalGt = 0;
        int evalDt = 0;
        int sweeps = 0;
        String lastLog = null;
        long lastTs = 0;
        while (gi < g.length || di < d.length) {
            int c;
            if (gi == g.length) {
                c = 1;
            } else if (di == d.length) {
                c = -1;
            } else {
                c = compare(gt, g[gi], dt, d[di]);
            }
            int gEnd = gi;
            int dEnd = di;
            Av2Table keyTable = c <= 0 ? gt : dt;
            int keyRow = c <= 0 ? g[gi] : d[di];
            if (c <= 0) {
                while (gEnd < g.length && compare(gt, g[gEnd], gt, g[gi]) == 0) {
                    gEnd++;
                }
            }
            if (c >= 0) {
                while (dEnd < d.length && compare(dt, d[dEnd], dt, d[di]) == 0) {
                    dEnd++;
                }
            }
            String log = keyTable.logId[keyRow];
            long ts = keyTable.timestampNs[keyRow];
            if (!log.equals(lastLog) || ts != lastTs) {
                sweeps++;
                lastLog = log;
                lastTs = ts;
            }
            String category = keyTable.category[keyRow];
            int[] counted = sweep(cfg, gt, Arrays.copyOfRange(g, gi, gEnd), dt, Arrays.copyOfRange(d, di, dEnd),
                    dets.computeIfAbsent(category, k -> new ArrayList<>()));
            annotations.merge(category, counted[0], Integer::sum);
            evalGt += counted[0];
            evalDt += counted[1];
            gi = gEnd;
            di = dEnd;
        }
        return new Av2MetricData(cfg, dets, annotations, new Av2MetricData.Counts(sweeps, gt.rows, evalGt, dt.rows,
                evalDt));
    }

    private static Integer[] sorted(Av2Table t) {
        Integer[] idx = new Integer[t.rows];
        for (int i = 0; i < t.rows; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> compare(t, a, t, b));
        return idx;
    }

    private static int compare(Av2Table a, int i, Av2Table b, int j) {
        int c = a.logId[i].compareTo(b.logId[j]);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.timestampNs[i], b.timestampNs[j]);
        return c != 0 ? c : a.category[i].compareTo(b.category[j]);
    }

    /** Scores one sweep+category group; appends its evaluated detections; @return {evaluated gts, evaluated dts} */
    private static int[] sweep(Av2Config cfg, Av2Table gt, Integer[] gRows, Av2Table dt, Integer[] dRows,
            List<Av2MetricData.Detection> out) {
        int nd = dRows.length;
        Integer[] perm = new Integer[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = i;
        }
        Arrays.sort(perm, (a, b) -> {
            double x = -dt.last[dRows[a]];
            double y = -dt.last[dRows[b]];
            return x < y ? -1 : x > y ? 1 : Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        });
        boolean[] dEval = new boolean[nd];
        int inRange = 0;
        for (int k = 0; k < nd; k++) {
            int row = dRows[perm[k]];
            if (norm(dt.cuboid, row * 10) < cfg.maxRangeM()) {
                inRange++;
                dEval[k] = inRange <= cfg.maxDetectionsPerCategory();
            }
        }
        int ng = gRows.length;
        List<Integer> gEval = new ArrayList<>();
        for (int k = 0; k < ng; k++) {
            int row = gRows[k];
            if (norm(gt.cuboid, row * 10) < cfg.maxRangeM() && (long) gt.last[row] > 0) {
                gEval.add(row);
            }
        }
        List<Integer> dEvalRows = new ArrayList<>();
        int[] permPos = new int[nd];
        for (int k = 0; k < nd; k++) {
            permPos[perm[k]] = k;
            if (dEval[k]) {
                dEvalRows.add(dRows[perm[k]]);
            }
        }
        Map<Integer, double[]> assigned = Av2Assignment.assign(cfg, dt, dEvalRows, gt, gEval);
        for (int i = 0; i < nd; i++) {
            if (!dEval[permPos[i]]) {
                continue;
            }
            int row = dRows[i];
            double[] m = assigned.get(row);
            int t = cfg.affinityThresholdsM().size();
            boolean[] tp = new boolean[t];
            double ate = cfg.tpThresholdM();
            double ase = 1.0;
            double aoe = Math.PI;
            if (m != null) {
                for (int k = 0; k < t; k++) {
                    tp[k] = m[k] != 0;
                }
                ate = m[t];
                ase = m[t + 1];
                aoe = m[t + 2];
            }
            out.add(new Av2MetricData.Detection(dt.logId[row], dt.timestampNs[row], dt.last[row], tp, ate, ase, aoe));
        }
        return new int[] {gEval.size(), dEvalRows.size()};
    }

    static double norm(double[] c, int off) {
        double x = c[off];
        double y = c[off + 1];
        double z = c[off + 2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    static void requireQuaternion(Av2Table t, int row) {
        double w = t.cuboid[row * 10 + 6];
        double x = t.cuboid[row * 10 + 7];
        double y = t.cuboid[row * 10 + 8];
        double z = t.cuboid[row * 10 + 9];
        if (!(w * w + x * x + y * y + z * z > 0)) {
            throw new BadInputException(t.source + ": row " + (row + 1) + ": quaternion (qw, qx, qy, qz) has zero or "
                    + "non-finite norm");
        }
    }
}
