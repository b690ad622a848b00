package io.avreplay.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.replay.object.Box2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The matcher and accumulator against a line-by-line transcription of pycocotools' {@code evaluateImg} and
 * {@code accumulate} (no shortcuts: every detection at every threshold, cumulative sums, the envelope over
 * every index, a search over every recall), on random data dense in the cases the shortcuts must get right:
 * tied scores, crowd regions, annotation id 0, boxes on the area-range borders, images with more than 100
 * detections, and many detections that match nothing. Results must be identical, not merely close.
 */
class CocoLiteralParityTest {
    @Property(tries = 60)
    void matchesALiteralTranscriptionOfPycocotools(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random rnd = new Random(seed);
        int images = 1 + rnd.nextInt(12);
        List<Long> imageIds = IntStream.range(0, images).mapToObj(i -> (long) (i * 3)).toList();
        Map<Long, String> cats = Map.of(1L, "car", 2L, "pedestrian", 5L, "cone");
        List<CocoAnnotation> anns = new ArrayList<>();
        List<CocoDetection> dets = new ArrayList<>();
        long annId = rnd.nextInt(3); // sometimes starts at id 0
        for (long img : imageIds) {
            int g = rnd.nextInt(rnd.nextInt(4) == 0 ? 30 : 6);
            for (int j = 0; j < g; j++) {
                Box2d b = randomBox(rnd);
                double area = rnd.nextInt(5) == 0 ? pick(rnd, 32 * 32, 96 * 96) : b.area();
                anns.add(new CocoAnnotation(annId++, img, pickCat(rnd), b, area, rnd.nextInt(8) == 0));
            }
            int d = rnd.nextInt(rnd.nextInt(6) == 0 ? 140 : 10);
            for (int i = 0; i < d; i++) {
                Box2d b;
                if (!anns.isEmpty() && rnd.nextBoolean()) {
                    Box2d near = anns.get(anns.size() - 1 - rnd.nextInt(Math.min(anns.size(), 8))).bbox();
                    b = Box2d.ofXywh(near.x1() + rnd.nextGaussian() * 4, near.y1() + rnd.nextGaussian() * 4,
                            Math.max(0, near.width() + rnd.nextGaussian() * 4), Math.max(0, near.height() + rnd.nextGaussian() * 4));
                } else {
                    b = randomBox(rnd);
                }
                double score = rnd.nextInt(3) == 0 ? rnd.nextInt(4) / 4.0 : rnd.nextDouble();
                dets.add(new CocoDetection(img, pickCat(rnd), b, score));
            }
        }
        CocoGroundTruth gt = new CocoGroundTruth(imageIds, cats, anns);
        CocoMetricData data = new CocoEvaluator().accumulate(gt, dets);
        CocoAccumulator fast = CocoAccumulator.accumulate(data);
        Literal lit = Literal.evaluate(gt, dets);
        for (int t = 0; t < CocoParams.T; t++) {
            for (int k = 0; k < 3; k++) {
                for (int a = 0; a < CocoParams.A; a++) {
                    for (int m = 0; m < CocoParams.M; m++) {
                        assertEquals(lit.recall[t][k][a][m], fast.recall[t][k][a][m], "recall " + t + k + a + m);
                        for (int r = 0; r < CocoParams.R; r++) {
                            assertEquals(lit.precision[t][r][k][a][m], fast.precision[t][r][k][a][m],
                                    "precision t=" + t + " r=" + r + " k=" + k + " a=" + a + " m=" + m);
                        }
                    }
                }
            }
        }
    }

    private static double pick(Random rnd, double... values) {
        return values[rnd.nextInt(values.length)];
    }

    private static long pickCat(Random rnd) {
        return new long[] {1, 2, 5}[rnd.nextInt(3)];
    }

    private static Box2d randomBox(Random rnd) {
        double w = rnd.nextInt(6) == 0 ? 32 : 2 + rnd.nextDouble() * 150;
        double h = rnd.nextInt(6) == 0 ? 32 : 2 + rnd.nextDouble() * 150;
        return Box2d.ofXywh(rnd.nextInt(400), rnd.nextInt(300), w, h);
    }

    /** pycocotools 2.0 {@code evaluateImg} and {@code accumulate}, transcribed without optimisation. */
    private static final class Literal {
        final double[][][][][] precision;
        final double[][][][] recall;

        private Literal(int kn) {
            precision = new double[CocoParams.T][CocoParams.R][kn][CocoParams.A][CocoParams.M];
            recall = new double[CocoParams.T][kn][CocoParams.A][CocoParams.M];
        }

        /** One evaluateImg result: per threshold and detection, the matched GT id (0 = none) and ignore flag. */
        record ImgEval(double[] scores, long[][] dtm, boolean[][] dtIg, boolean[] gtIg) {
        }

        static Literal evaluate(CocoGroundTruth gt, List<CocoDetection> dets) {
            List<Long> catIds = gt.categories().keySet().stream().sorted().toList();
            List<Long> imgIds = gt.imageIds().stream().sorted().toList();
            Literal out = new Literal(catIds.size());
            for (double[][][][] x : out.precision) {
                for (double[][][] y : x) {
                    for (double[][] z : y) {
                        for (double[] w : z) {
                            Arrays.fill(w, -1);
                        }
                    }
                }
            }
            for (double[][][] y : out.recall) {
                for (double[][] z : y) {
                    for (double[] w : z) {
                        Arrays.fill(w, -1);
                    }
                }
            }
            Map<String, List<CocoAnnotation>> gts = gt.annotations().stream()
                    .collect(Collectors.groupingBy(x -> x.imageId() + "/" + x.categoryId()));
            Map<String, List<CocoDetection>> dts = dets.stream()
                    .collect(Collectors.groupingBy(x -> x.imageId() + "/" + x.categoryId()));
            for (int k = 0; k < catIds.size(); k++) {
                for (int a = 0; a < CocoParams.A; a++) {
                    List<ImgEval> evals = new ArrayList<>();
                    for (long img : imgIds) {
                        String key = img + "/" + catIds.get(k);
                        ImgEval e = evaluateImg(gts.getOrDefault(key, List.of()), dts.getOrDefault(key, List.of()),
                                CocoParams.AREA_RNG[a]);
                        if (e != null) {
                            evals.add(e);
                        }
                    }
                    for (int m = 0; m < CocoParams.M; m++) {
                        out.accumulate(evals, k, a, m);
                    }
                }
            }
            return out;
        }

        static ImgEval evaluateImg(List<CocoAnnotation> g0, List<CocoDetection> d0, double[] rng) {
            if (g0.isEmpty() && d0.isEmpty()) {
                return null;
            }
            boolean[] ig0 = new boolean[g0.size()];
            for (int j = 0; j < ig0.length; j++) {
                CocoAnnotation x = g0.get(j);
                ig0[j] = x.crowd() || x.area() < rng[0] || x.area() > rng[1];
            }
            // gtind = argsort(gtIg, mergesort); dtind = argsort(-score, mergesort)[:maxDets[-1]]
            Integer[] gOrder = IntStream.range(0, g0.size()).boxed().sorted(Comparator.comparing(j -> ig0[j])).toArray(Integer[]::new);
            List<CocoDetection> d = d0.stream().sorted(Comparator.comparingDouble(x -> -x.score())).limit(100).toList();
            List<CocoAnnotation> g = Arrays.stream(gOrder).map(g0::get).toList();
            boolean[] gtIg = new boolean[g.size()];
            for (int j = 0; j < gtIg.length; j++) {
                gtIg[j] = ig0[gOrder[j]];
            }
            int tn = CocoParams.T;
            long[][] gtm = new long[tn][g.size()];
            long[][] dtm = new long[tn][d.size()];
            boolean[][] dtIg = new boolean[tn][d.size()];
            for (int t = 0; t < tn; t++) {
                for (int di = 0; di < d.size(); di++) {
                    double iou = Math.min(CocoParams.IOU_THRS[t], 1 - 1e-10);
                    int m = -1;
                    for (int gi = 0; gi < g.size(); gi++) {
                        if (gtm[t][gi] > 0 && !g.get(gi).crowd()) {
                            continue;
                        }
                        if (m > -1 && !gtIg[m] && gtIg[gi]) {
                            break;
                        }
                        double v = iou(d.get(di).bbox(), g.get(gi));
                        if (v < iou) {
                            continue;
                        }
                        iou = v;
                        m = gi;
                    }
                    if (m == -1) {
                        continue;
                    }
                    dtIg[t][di] = gtIg[m];
                    dtm[t][di] = g.get(m).id();
                    gtm[t][m] = 1; // pycocotools stores the detection id (>= 1) here
                }
            }
            for (int t = 0; t < tn; t++) {
                for (int di = 0; di < d.size(); di++) {
                    double area = d.get(di).bbox().area();
                    boolean out = area < rng[0] || area > rng[1];
                    dtIg[t][di] = dtIg[t][di] || (dtm[t][di] == 0 && out);
                }
            }
            double[] scores = d.stream().mapToDouble(CocoDetection::score).toArray();
            return new ImgEval(scores, dtm, dtIg, gtIg);
        }

        static double iou(Box2d d, CocoAnnotation g) {
            Box2d b = g.bbox();
            double w = Math.min(d.x1() + d.width(), b.x1() + b.width()) - Math.max(d.x1(), b.x1());
            double h = Math.min(d.y1() + d.height(), b.y1() + b.height()) - Math.max(d.y1(), b.y1());
            if (w <= 0 || h <= 0) {
                return 0;
            }
            double inter = w * h;
            double u = g.crowd() ? d.area() : d.area() + b.area() - inter;
            return inter / u;
        }

        void accumulate(List<ImgEval> evals, int k, int a, int m) {
            if (evals.isEmpty()) {
                return;
            }
            int maxDet = CocoParams.MAX_DETS[m];
            List<double[]> rows = new ArrayList<>(); // score, image index, detection index
            int npig = 0;
            for (int e = 0; e < evals.size(); e++) {
                ImgEval x = evals.get(e);
                for (int i = 0; i < Math.min(maxDet, x.scores.length); i++) {
                    rows.add(new double[] {x.scores[i], e, i});
                }
                for (boolean ig : x.gtIg) {
                    npig += ig ? 0 : 1;
                }
            }
            if (npig == 0) {
                return;
            }
            rows.sort(Comparator.comparingDouble(r -> -r[0])); // List.sort is a stable merge sort
            int nd = rows.size();
            for (int t = 0; t < CocoParams.T; t++) {
                double[] tpSum = new double[nd];
                double[] fpSum = new double[nd];
                double tp = 0;
                double fp = 0;
                for (int i = 0; i < nd; i++) {
                    ImgEval x = evals.get((int) rows.get(i)[1]);
                    int di = (int) rows.get(i)[2];
                    boolean ig = x.dtIg[t][di];
                    boolean matched = x.dtm[t][di] != 0;
                    tp += matched && !ig ? 1 : 0;
                    fp += !matched && !ig ? 1 : 0;
                    tpSum[i] = tp;
                    fpSum[i] = fp;
                }
                double[] rc = new double[nd];
                double[] pr = new double[nd];
                for (int i = 0; i < nd; i++) {
                    rc[i] = tpSum[i] / npig;
                    pr[i] = tpSum[i] / (fpSum[i] + tpSum[i] + Math.ulp(1.0));
                }
                recall[t][k][a][m] = nd > 0 ? rc[nd - 1] : 0;
                for (int i = nd - 1; i > 0; i--) {
                    if (pr[i] > pr[i - 1]) {
                        pr[i - 1] = pr[i];
                    }
                }
                for (int r = 0; r < CocoParams.R; r++) {
                    int idx = 0; // searchsorted(rc, recThr, side='left')
                    while (idx < nd && rc[idx] < CocoParams.REC_THRS[r]) {
                        idx++;
                    }
                    precision[t][r][k][a][m] = idx < nd ? pr[idx] : 0;
                }
            }
        }
    }
}
