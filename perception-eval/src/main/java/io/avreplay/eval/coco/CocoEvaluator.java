package io.avreplay.eval.coco;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * COCO bbox evaluation with parity to pycocotools 2.0 {@code COCOeval} (default parameters, categories
 * used). Use {@link #accumulate} then {@link #score} (merging image subsets with
 * {@link CocoMetricData#merge} in between), or {@link #evaluate}. Stateless and thread-safe.
 */
public final class CocoEvaluator {
    /** Creates an evaluator with pycocotools' default bbox parameters. */
    public CocoEvaluator() {
    }

    /**
     * Matches detections to ground truth image by image. Detections of categories absent from the
     * ground truth are not scored, as in pycocotools.
     *
     * @throws BadInputException when a detection names an image that is not in the ground truth
     */
    public CocoMetricData accumulate(CocoGroundTruth gt, List<CocoDetection> detections) {
        long[] imageIds = gt.imageIds().stream().mapToLong(Long::longValue).toArray();
        return accumulate(new CocoColumns.Instances(imageIds, gt.categories(), CocoColumns.Gt.of(gt.annotations())),
                CocoColumns.Dt.of(detections));
    }

    private CocoMetricData accumulate(CocoColumns.Instances gt, CocoColumns.Dt dc) {
        IdIndex images = new IdIndex(gt.imageIds());
        long[] imgIds = images.ids();
        long[] catIds = gt.categories().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        IdIndex cats = new IdIndex(catIds);
        int kn = catIds.length;
        CocoColumns.Gt gc = gt.annotations();
        // Rows grouped by (image, category) with a counting sort, each group in file order.
        int[] gBucket = new int[gc.size];
        for (int i = 0; i < gBucket.length; i++) {
            gBucket[i] = bucket(images, cats, gc.imageId[i], gc.categoryId[i]);
        }
        int[] dBucket = new int[dc.size];
        for (int i = 0; i < dBucket.length; i++) {
            int img = images.indexOf(dc.imageId[i]);
            if (img < 0) {
                throw new BadInputException("detection " + i + ": image_id " + dc.imageId[i]
                        + " is not an image of the ground truth (results do not correspond to this dataset)");
            }
            int k = cats.indexOf(dc.categoryId[i]);
            dBucket[i] = k < 0 ? -1 : img * kn + k;
        }
        int buckets = imgIds.length * kn;
        int[] gStart = new int[buckets + 1];
        int[] gIdx = group(gBucket, gStart);
        int[] dStart = new int[buckets + 1];
        int[] dIdx = group(dBucket, dStart);
        CocoImageEval[][] rows = new CocoImageEval[imgIds.length][];
        // Images are independent and each writes only its own slot, so the result does not depend on the
        // order in which the (up to all) cores process them.
        IntStream.range(0, imgIds.length).parallel().forEach(img -> {
            CocoImageEval[] row = null;
            for (int k = 0; k < kn; k++) {
                int b = img * kn + k;
                if (gStart[b] != gStart[b + 1] || dStart[b] != dStart[b + 1]) {
                    if (row == null) {
                        row = new CocoImageEval[kn];
                    }
                    row[k] = CocoImageEval.evaluate(gc, gIdx, gStart[b], gStart[b + 1], dc, dIdx, dStart[b],
                            dStart[b + 1]);
                }
            }
            rows[img] = row;
        });
        TreeMap<Long, CocoImageEval[]> evals = new TreeMap<>();
        Set<Long> ids = new HashSet<>(imgIds.length * 2);
        for (int img = 0; img < imgIds.length; img++) {
            ids.add(imgIds[img]);
            if (rows[img] != null) {
                evals.put(imgIds[img], rows[img]);
            }
        }
        return new CocoMetricData(gt.categories(), ids, evals, dc.size);
    }

    /** @return the (image, category) group of a row, or -1 when its image or category is not evaluated */
    private static int bucket(IdIndex images, IdIndex cats, long imageId, long categoryId) {
        int img = images.indexOf(imageId);
        int k = cats.indexOf(categoryId);
        return img < 0 || k < 0 ? -1 : img * cats.ids().length + k;
    }

    /**
     * Counting sort of row indices by group, stable. Fills {@code start} (group g is
     * {@code [start[g], start[g + 1])} of the result) and leaves out rows of group -1.
     */
    private static int[] group(int[] bucketOf, int[] start) {
        for (int b : bucketOf) {
            if (b >= 0) {
                start[b + 1]++;
            }
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] next = Arrays.copyOf(start, start.length - 1);
        int[] out = new int[start[start.length - 1]];
        for (int i = 0; i < bucketOf.length; i++) {
            int b = bucketOf[i];
            if (b >= 0) {
                out[next[b]++] = i;
            }
        }
        return out;
    }

    /** Computes the 12 statistics and per-category AP. */
    public CocoResult score(CocoMetricData data, EvalProvenance provenance) {
        CocoAccumulator acc = CocoAccumulator.accumulate(data);
        Map<Long, CocoResult.CategoryAp> perCat = new LinkedHashMap<>();
        List<Long> ids = data.categoryIds();
        int m100 = CocoParams.M - 1;
        for (int k = 0; k < ids.size(); k++) {
            perCat.put(ids.get(k), new CocoResult.CategoryAp(data.categories().get(ids.get(k)),
                    acc.meanPrecision(-1, k, 0, m100), acc.meanPrecision(CocoParams.IOU_50, k, 0, m100),
                    acc.meanPrecision(CocoParams.IOU_75, k, 0, m100), acc.meanRecall(k, 0, m100)));
        }
        return new CocoResult(provenance, CocoAccumulator.stats(acc), perCat, data.imageIds().size(),
                data.detections());
    }

    /** Accumulates and scores in-memory data. */
    public CocoResult evaluate(CocoGroundTruth gt, List<CocoDetection> detections) {
        return score(accumulate(gt, detections),
                new EvalProvenance("coco", "bbox", List.of("<memory>"), ToolVersion.current()));
    }

    /**
     * Reads an instances file and a results file and evaluates them.
     *
     * @throws BadInputException when a file is unreadable, malformed or inconsistent
     */
    public CocoResult evaluateFiles(Path groundTruth, Path detections) {
        // The two files are independent: read the results on another core while this one reads the
        // ground truth. A ground-truth error is reported first, as when reading one after the other.
        CompletableFuture<CocoColumns.Dt> dtsLater =
                CompletableFuture.supplyAsync(() -> CocoJsonReader.readDetections(detections));
        CocoColumns.Instances gt = CocoJsonReader.readGroundTruth(groundTruth);
        CocoColumns.Dt dts;
        try {
            dts = dtsLater.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        CocoMetricData data;
        try {
            data = accumulate(gt, dts);
        } catch (BadInputException e) {
            // results naming images the ground truth lacks: say which file, as every reader error does
            throw new BadInputException(detections + ": " + e.getMessage(), e);
        }
        return score(data, new EvalProvenance("coco", "bbox",
                List.of(groundTruth.toString(), detections.toString()), ToolVersion.current()));
    }

    /** Reads an instances file. @throws BadInputException on bad input */
    public static CocoGroundTruth readGroundTruth(Path file) {
        CocoColumns.Instances in = CocoJsonReader.readGroundTruth(file);
        return new CocoGroundTruth(Arrays.stream(in.imageIds()).boxed().toList(), in.categories(),
                in.annotations().toAnnotations());
    }

    /** Reads a results file. @throws BadInputException on bad input */
    public static List<CocoDetection> readDetections(Path file) {
        return CocoJsonReader.readDetections(file).toDetections();
    }
}
