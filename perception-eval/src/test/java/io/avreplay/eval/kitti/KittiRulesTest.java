package io.avreplay.eval.kitti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.Golden;
import io.avreplay.eval.detection.EvalProvenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hand-worked KITTI devkit rules, merge and JSON round trip. */
class KittiRulesTest {
    private static final EvalProvenance PROV = new EvalProvenance("kitti", "object", List.of(), "0.1.0");

    static KittiObject obj(String type, double y1, double y2, int occ, double score) {
        return new KittiObject(type, 0, occ, 0.5, 100, y1, 200, y2, 1.5, 1.6, 3.9, 0, 1.5, 20, 0, score);
    }

    static double ap(KittiResult r, KittiClass c, KittiMetric m, int d) {
        return r.curves().get(c).get(m).ap().get(d);
    }

    @Test
    void thresholdsKeepOneScorePerRecallStep() {
        // 2 GT, TP scores .9 and .8: i=0: l=.5, r=1, |r - 0| < |0 - .5|? 1 < -.5 no -> keep .9, current = 1/40.
        // i=1 (last): keep .8. So thresholds [.9, .8].
        assertEquals(List.of(0.9, 0.8), java.util.Arrays.stream(KittiClassEval.thresholds(List.of(0.8, 0.9), 2))
                .boxed().toList());
    }

    @Test
    void perfectDetectionGivesFullApAndShortBoxesAreIgnored() {
        // GT 50 px tall (easy), detected exactly: precision 1 at threshold 0 -> R40 = 40 / 40 * 100 = 100? No:
        // with one GT one threshold is kept, so p[0] = 1 and the envelope only covers index 0: R40 = 0, R11 = 100/11.
        KittiResult r = new KittiEvaluator().evaluate(Map.of("0", List.of(obj("Car", 100, 150, 0, Double.NaN))),
                Map.of("0", List.of(obj("Car", 100, 150, -1, 0.9))));
        assertEquals(0.0, ap(r, KittiClass.CAR, KittiMetric.BBOX_2D, 0), 1e-12);
        assertEquals(100.0 / 11, r.curves().get(KittiClass.CAR).get(KittiMetric.BBOX_2D).apR11().get(0), 1e-12);
        assertEquals(1.0, r.curves().get(KittiClass.CAR).get(KittiMetric.BBOX_2D).precision().get(0).get(0), 0);
        assertFalse(r.curves().containsKey(KittiClass.PEDESTRIAN), "no Pedestrian detections -> not evaluated");
    }

    @Test
    void vanGroundTruthIsIgnoredForCarAndDontCareRemovesFalsePositives() {
        // GT: a Van and a DontCare region; detections: a Car on the Van (absorbed, not an FP) and a Car inside
        // the DontCare box (removed from FPs). No Car GT -> n_gt 0 -> no thresholds -> precision all 0, and
        // no exception.
        KittiObject van = obj("Van", 100, 150, 0, Double.NaN);
        KittiObject dc = new KittiObject("DontCare", -1, -1, -10, 300, 100, 400, 150, -1, -1, -1, -1000, -1000, -1000,
                -10, Double.NaN);
        KittiObject onDc = new KittiObject("Car", -1, -1, 0.1, 310, 100, 390, 150, 1.5, 1.6, 3.9, 5, 1.5, 30, 0, 0.7);
        KittiResult r = new KittiEvaluator().evaluate(Map.of("0", List.of(van, dc)),
                Map.of("0", List.of(obj("Car", 100, 150, -1, 0.9), onDc)));
        assertEquals(0.0, ap(r, KittiClass.CAR, KittiMetric.BBOX_2D, 1), 0);
        KittiFrame f = new KittiFrame("0", List.of(van, dc), List.of(onDc));
        assertEquals(1.0, f.dontCareOverlap[KittiFrame.IMAGE][0][0], 1e-12);
        assertEquals(0.0, f.dontCareOverlap[KittiFrame.GROUND][0][0], 0);
    }

    @Test
    void heightEqualToMinimumIsIgnoredForModerate() {
        // A 25.00 px GT: height <= 25 -> ignored for moderate and hard (and easy: 25 <= 40). A matching
        // detection is absorbed, so there is nothing to score: precision stays 0.
        KittiResult r = new KittiEvaluator().evaluate(Map.of("0", List.of(obj("Car", 100, 125, 0, Double.NaN))),
                Map.of("0", List.of(obj("Car", 100, 125, -1, 0.9))));
        for (int d = 0; d < 3; d++) {
            assertEquals(0.0, r.curves().get(KittiClass.CAR).get(KittiMetric.BBOX_2D).precision().get(d).get(0), 0);
        }
    }

    @Test
    void badLinesAreRejectedWithFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> KittiLabelReader.parse(Path.of("p/000001.txt"), 3, "Car 0 0 0 1 2 3", true));
        assertTrue(e.getMessage().startsWith("p/000001.txt:3: expected 16 fields"), e.getMessage());
        BadInputException n = assertThrows(BadInputException.class, () -> KittiLabelReader.parse(Path.of("g.txt"), 1,
                "Car 0 0 x 1 2 3 4 1 1 1 1 1 1 1", false));
        assertTrue(n.getMessage().contains("field alpha: expected a number, got 'x'"), n.getMessage());
    }

    @Test
    void mergeOfFrameSubsetsEqualsTheWholeAndJsonRoundTrips() {
        Path dir = Golden.cases("kitti").get(0);
        Map<String, List<KittiObject>> gt = KittiLabelReader.readDirectory(dir.resolve("label_2"), false);
        Map<String, List<KittiObject>> det = KittiLabelReader.readDirectory(dir.resolve("pred"), true);
        Map<String, List<KittiObject>> g1 = new TreeMap<>();
        Map<String, List<KittiObject>> g2 = new TreeMap<>();
        Map<String, List<KittiObject>> d1 = new TreeMap<>();
        Map<String, List<KittiObject>> d2 = new TreeMap<>();
        gt.forEach((k, v) -> (k.compareTo("000050") < 0 ? g1 : g2).put(k, v));
        det.forEach((k, v) -> (k.compareTo("000050") < 0 ? d1 : d2).put(k, v));
        KittiEvaluator ev = new KittiEvaluator();
        KittiResult whole = ev.score(ev.accumulate(gt, det), PROV);
        KittiResult merged = ev.score(KittiMetricData.merge(ev.accumulate(g1, d1), ev.accumulate(g2, d2)), PROV);
        assertEquals(whole, merged);
        assertEquals(whole, KittiJson.read(KittiJson.write(whole)));
        assertTrue(KittiText.write(whole).contains("Car         bbox_2d"));
    }
}
