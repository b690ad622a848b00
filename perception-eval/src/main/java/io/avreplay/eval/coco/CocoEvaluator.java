package io.avreplay.eval.coco;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.replay.log.ToolVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        Set<Long> images = new HashSet<>(gt.imageIds());
        List<Long> catIds = new ArrayList<>(new TreeSet<>(gt.categories().keySet()));
        Map<Long, Integer> catIndex = new HashMap<>();
        for (int i = 0; i < catIds.size(); i++) {
            catIndex.put(catIds.get(i), i);
        }
        Map<Long, List<CocoAnnotation>[]> gtBy = new HashMap<>();
        for (CocoAnnotation a : gt.annotations()) {
            Integer k = catIndex.get(a.categoryId());
            if (k != null && images.contains(a.imageId())) {
                slot(gtBy, a.imageId(), catIds.size())[k].add(a);
            }
        }
        Map<Long, List<CocoDetection>[]> dtBy = new HashMap<>();
        for (int i = 0; i < detections.size(); i++) {
            CocoDetection d = detections.get(i);
            if (!images.contains(d.imageId())) {
                throw new BadInputException("detection " + i + ": image_id " + d.imageId()
                        + " is not an image of the ground truth (results do not correspond to this dataset)");
            }
            Integer k = catIndex.get(d.categoryId());
            if (k != null) {
                slot(dtBy, d.imageId(), catIds.size())[k].add(d);
            }
        }
        TreeMap<Long, CocoImageEval[]> evals = new TreeMap<>();
        Set<Long> touched = new HashSet<>(gtBy.keySet());
        touched.addAll(dtBy.keySet());
        for (Long img : touched) {
            List<CocoAnnotation>[] g = gtBy.get(img);
            List<CocoDetection>[] d = dtBy.get(img);
            CocoImageEval[] row = new CocoImageEval[catIds.size()];
            for (int k = 0; k < row.length; k++) {
                List<CocoAnnotation> gk = g == null ? List.of() : g[k];
                List<CocoDetection> dk = d == null ? List.of() : d[k];
                if (!gk.isEmpty() || !dk.isEmpty()) {
                    row[k] = CocoImageEval.evaluate(gk, dk);
                }
            }
            evals.put(img, row);
        }
        return new CocoMetricData(gt.categories(), images, evals, detections.size());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T>[] slot(Map<Long, List<T>[]> by, long img, int k) {
        return by.computeIfAbsent(img, x -> {
            List<T>[] arr = new List[k];
            for (int i = 0; i < k; i++) {
                arr[i] = new ArrayList<>();
            }
            return arr;
        });
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
        CocoGroundTruth gt = CocoJsonReader.readGroundTruth(groundTruth);
        List<CocoDetection> dts = CocoJsonReader.readDetections(detections);
        return score(accumulate(gt, dts), new EvalProvenance("coco", "bbox",
                List.of(groundTruth.toString(), detections.toString()), ToolVersion.current()));
    }

    /** Reads an instances file. @throws BadInputException on bad input */
    public static CocoGroundTruth readGroundTruth(Path file) {
        return CocoJsonReader.readGroundTruth(file);
    }

    /** Reads a results file. @throws BadInputException on bad input */
    public static List<CocoDetection> readDetections(Path file) {
        return CocoJsonReader.readDetections(file);
    }
}
