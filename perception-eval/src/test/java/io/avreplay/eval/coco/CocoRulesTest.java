package io.avreplay.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.Golden;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.replay.object.Box2d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-worked COCO rules, full-array parity, merge and JSON round trip. */
class CocoRulesTest {
    private static final EvalProvenance PROV = new EvalProvenance("coco", "bbox", List.of(), "0.1.0");

    static CocoAnnotation ann(long id, long img, double x, boolean crowd) {
        return new CocoAnnotation(id, img, 1, Box2d.ofXywh(x, 0, 50, 50), 2500, crowd);
    }

    static CocoDetection det(long img, double x, double score) {
        return new CocoDetection(img, 1, Box2d.ofXywh(x, 0, 50, 50), score);
    }

    static CocoResult eval(List<CocoAnnotation> gt, List<CocoDetection> dt) {
        return new CocoEvaluator().evaluate(new CocoGroundTruth(List.of(1L, 2L), Map.of(1L, "car"), gt), dt);
    }

    @Test
    void crowdRegionAbsorbsDetectionsWithoutCounting() {
        // One normal GT matched exactly; a second detection lies on a crowd region (IoU over the detection's
        // own area = 1): it is ignored, not an FP, so AP is 1 at every threshold.
        CocoResult r = eval(List.of(ann(1, 1, 0, false), ann(2, 1, 200, true)),
                List.of(det(1, 0, 0.9), det(1, 200, 0.95)));
        assertEquals(1.0, r.stats().get(CocoStat.AP), 1e-12);
    }

    @Test
    void detectionMatchedToAnnotationIdZeroCountsAsFalsePositive() {
        // pycocotools stores the matched GT id (0) as "unmatched": the TP becomes an FP and the GT stays a
        // miss. Precision never positive -> AP 0; recall 0.
        CocoResult r = eval(List.of(ann(0, 1, 0, false)), List.of(det(1, 0, 0.9)));
        assertEquals(0.0, r.stats().get(CocoStat.AP), 0);
        assertEquals(0.0, r.stats().get(CocoStat.AR100), 0);
    }

    @Test
    void areaRangesAndMissingCategoriesGiveMinusOne() {
        // Only a 50 x 50 (area 2500, medium) GT: small and large have no GT -> -1; medium AP 1.
        CocoResult r = eval(List.of(ann(1, 1, 0, false)), List.of(det(1, 0, 0.9)));
        assertEquals(-1.0, r.stats().get(CocoStat.APs), 0);
        assertEquals(-1.0, r.stats().get(CocoStat.APl), 0);
        assertEquals(1.0, r.stats().get(CocoStat.APm), 1e-12);
    }

    @Test
    void maxDetsOneKeepsOnlyTheBestDetectionPerImage() {
        // Two GT in image 1, detected with scores .9 and .8: AR1 = 1/2, AR10 = 1.
        CocoResult r = eval(List.of(ann(1, 1, 0, false), ann(2, 1, 100, false)),
                List.of(det(1, 0, 0.9), det(1, 100, 0.8)));
        assertEquals(0.5, r.stats().get(CocoStat.AR1), 1e-12);
        assertEquals(1.0, r.stats().get(CocoStat.AR10), 1e-12);
    }

    @Test
    void resultsForUnknownImagesAreRejected(@TempDir Path dir) throws Exception {
        BadInputException e = assertThrows(BadInputException.class, () -> eval(List.of(), List.of(det(7, 0, 0.5))));
        assertTrue(e.getMessage().contains("image_id 7"), e.getMessage());
        Path gt = dir.resolve("gt.json");
        Files.writeString(gt, "{\"images\": [{\"id\": 1}], \"categories\": [{\"id\": 1, \"name\": \"a\"}],\n"
                + "\"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}]}");
        Path dt = dir.resolve("dt.json");
        Files.writeString(dt, "[]");
        BadInputException m = assertThrows(BadInputException.class, () -> new CocoEvaluator().evaluateFiles(gt, dt));
        assertTrue(m.getMessage().contains("gt.json:2:17: annotations[0]: field area: missing field"), m.getMessage());
        Files.writeString(gt, Files.readString(gt).replace("[0, 0, 5, 5]}", "[0, 0, 5, 5], \"area\": 25, \"iscrowd\": 0}"));
        Files.writeString(dt, "[{\"image_id\": 1, ");
        BadInputException j = assertThrows(BadInputException.class, () -> new CocoEvaluator().evaluateFiles(gt, dt));
        assertTrue(j.getMessage().startsWith(dt + ":1:"), j.getMessage());
    }

    @Test
    void fullPrecisionAndRecallArraysMatchPycocotools() {
        for (Path dir : Golden.cases("coco")) {
            CocoMetricData d = new CocoEvaluator().accumulate(CocoEvaluator.readGroundTruth(dir.resolve("gt.json")),
                    CocoEvaluator.readDetections(dir.resolve("dt.json")));
            CocoAccumulator acc = CocoAccumulator.accumulate(d);
            var exp = Golden.read(dir.resolve("expected.json"));
            for (int t = 0; t < CocoParams.T; t++) {
                for (int k = 0; k < d.categoryIds().size(); k++) {
                    for (int a = 0; a < CocoParams.A; a++) {
                        for (int m = 0; m < CocoParams.M; m++) {
                            Golden.assertClose(exp.get("recall").get(t).get(k).get(a).get(m).doubleValue(),
                                    acc.recall[t][k][a][m], 1e-12, "recall");
                            for (int r = 0; r < CocoParams.R; r++) {
                                Golden.assertClose(exp.get("precision").get(t).get(r).get(k).get(a).get(m)
                                        .doubleValue(), acc.precision[t][r][k][a][m], 1e-12, "precision");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void mergeOfImageSubsetsEqualsTheWholeAndJsonRoundTrips() {
        Path dir = Golden.cases("coco").get(0);
        CocoGroundTruth gt = CocoEvaluator.readGroundTruth(dir.resolve("gt.json"));
        List<CocoDetection> dt = CocoEvaluator.readDetections(dir.resolve("dt.json"));
        Set<Long> a = Set.copyOf(gt.imageIds().subList(0, gt.imageIds().size() / 2));
        CocoEvaluator ev = new CocoEvaluator();
        CocoMetricData merged = CocoMetricData.merge(
                ev.accumulate(subset(gt, a, true), dt.stream().filter(d -> a.contains(d.imageId())).toList()),
                ev.accumulate(subset(gt, a, false), dt.stream().filter(d -> !a.contains(d.imageId())).toList()));
        CocoResult whole = ev.score(ev.accumulate(gt, dt), PROV);
        CocoResult both = ev.score(merged, PROV);
        assertEquals(whole, both);
        assertEquals(whole, CocoJson.read(CocoJson.write(whole)));
        assertTrue(CocoText.write(whole).contains(
                " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.401"));
    }

    private static CocoGroundTruth subset(CocoGroundTruth gt, Set<Long> a, boolean in) {
        return new CocoGroundTruth(gt.imageIds().stream().filter(i -> a.contains(i) == in).toList(), gt.categories(),
                gt.annotations().stream().filter(x -> a.contains(x.imageId()) == in).toList());
    }
}
