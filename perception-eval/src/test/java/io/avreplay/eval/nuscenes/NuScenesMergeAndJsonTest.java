package io.avreplay.eval.nuscenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.eval.Golden;
import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merged partial data equals evaluating everything at once; results round-trip through JSON. */
class NuScenesMergeAndJsonTest {
    private static final EvalProvenance PROV = new EvalProvenance("nuscenes", "detection_cvpr_2019", List.of("x"),
            "0.1.0");

    @Test
    void mergeOfTwoHalvesEqualsTheWhole() {
        Path dir = Golden.cases("nuscenes").get(0);
        NuScenesGroundTruth gt = NuScenesEvaluator.readGroundTruth(dir.resolve("gt.json"));
        List<InSample<Detection3d>> preds = NuScenesEvaluator.readPredictions(dir.resolve("pred.json"));
        NuScenesEvaluator ev = new NuScenesEvaluator(NuScenesConfig.cvpr2019());
        // Split by sample: the first half of the samples (in prediction order) to part A.
        List<String> order = new ArrayList<>(new java.util.LinkedHashSet<>(
                preds.stream().map(InSample::sampleToken).toList()));
        for (String s : gt.samples()) {
            if (!order.contains(s)) {
                order.add(s);
            }
        }
        Set<String> a = new HashSet<>(order.subList(0, order.size() / 2));
        NuScenesMetricData whole = ev.accumulate(gt, preds);
        NuScenesMetricData merged = NuScenesMetricData.merge(
                ev.accumulate(part(gt, a, true), preds.stream().filter(p -> a.contains(p.sampleToken())).toList()),
                ev.accumulate(part(gt, a, false), preds.stream().filter(p -> !a.contains(p.sampleToken())).toList()));
        NuScenesResult x = ev.score(whole, PROV);
        NuScenesResult y = ev.score(merged, PROV);
        assertEquals(x.curves(), y.curves());
        assertEquals(x.labelAps(), y.labelAps());
        assertEquals(x.labelTpErrors(), y.labelTpErrors());
        assertEquals(x.ndScore(), y.ndScore(), 0);
        assertEquals(x.counts(), y.counts());
    }

    @Test
    void concatEqualsMergeAndCountsRepeatedPartsTwice() {
        Path dir = Golden.cases("nuscenes").get(0);
        NuScenesGroundTruth gt = NuScenesEvaluator.readGroundTruth(dir.resolve("gt.json"));
        List<InSample<Detection3d>> preds = NuScenesEvaluator.readPredictions(dir.resolve("pred.json"));
        NuScenesEvaluator ev = new NuScenesEvaluator(NuScenesConfig.cvpr2019());
        List<String> samples = new ArrayList<>(gt.samples());
        Set<String> a = new HashSet<>(samples.subList(0, samples.size() / 3));
        Set<String> b = new HashSet<>(samples.subList(samples.size() / 3, 2 * samples.size() / 3));
        Set<String> c = new HashSet<>(samples.subList(2 * samples.size() / 3, samples.size()));
        List<NuScenesMetricData> parts = new ArrayList<>();
        for (Set<String> s : List.of(a, b, c)) {
            parts.add(ev.accumulate(part(gt, s, true), preds.stream().filter(p -> s.contains(p.sampleToken())).toList()));
        }
        NuScenesMetricData folded = NuScenesMetricData.merge(NuScenesMetricData.merge(parts.get(0), parts.get(1)),
                parts.get(2));
        NuScenesResult x = ev.score(folded, PROV);
        NuScenesResult y = ev.score(NuScenesMetricData.concat(parts), PROV);
        assertEquals(x.curves(), y.curves());
        assertEquals(x.labelAps(), y.labelAps());
        assertEquals(x.ndScore(), y.ndScore(), 0);
        // A part given twice counts its ground truth twice (as a bootstrap resample does).
        NuScenesMetricData twice = NuScenesMetricData.concat(List.of(parts.get(0), parts.get(0)));
        assertEquals(2 * parts.get(0).counts().gtAfter(), twice.counts().gtAfter());
        NuScenesResult once = ev.score(parts.get(0), PROV);
        NuScenesResult doubled = ev.score(twice, PROV);
        // Each prediction now has a tied twin, so the cumulative curve takes twice the steps; its
        // 101-point resampling moves only in the last digits (0.42323 vs 0.42327 here).
        assertEquals(once.labelAps().get("car").get(2.0), doubled.labelAps().get("car").get(2.0), 1e-3,
                "duplicating every sample leaves the curve's shape unchanged");
    }

    private static NuScenesGroundTruth part(NuScenesGroundTruth gt, Set<String> a, boolean in) {
        List<InSample<GroundTruth3d>> boxes = gt.boxes().stream().filter(b -> a.contains(b.sampleToken()) == in).toList();
        List<String> samples = gt.samples().stream().filter(s -> a.contains(s) == in).toList();
        Map<String, NuScenesGroundTruth.EgoPosition> ego = new HashMap<>();
        gt.egoPoses().forEach((k, v) -> {
            if (a.contains(k) == in) {
                ego.put(k, v);
            }
        });
        Map<String, List<NuScenesGroundTruth.BikeRack>> racks = new HashMap<>();
        gt.bikeRacks().forEach((k, v) -> {
            if (a.contains(k) == in) {
                racks.put(k, v);
            }
        });
        return new NuScenesGroundTruth(boxes, samples, ego, racks);
    }

    @Test
    void resultRoundTripsThroughJson() {
        Path dir = Golden.cases("nuscenes").get(0);
        NuScenesResult r = new NuScenesEvaluator(NuScenesConfig.cvpr2019())
                .evaluateFiles(dir.resolve("gt.json"), dir.resolve("pred.json"));
        String json = NuScenesJson.write(r);
        NuScenesResult back = NuScenesJson.read(json);
        assertEquals(r.provenance(), back.provenance());
        assertEquals(r.config().classRange(), back.config().classRange());
        assertEquals(r.curves(), back.curves());
        assertEquals(r.labelTpErrors(), back.labelTpErrors());
        assertEquals(json, NuScenesJson.write(back));
    }

    @Test
    void textMatchesTheDevkitPrintout() throws Exception {
        for (Path dir : Golden.cases("nuscenes")) {
            NuScenesResult r = new NuScenesEvaluator(NuScenesConfig.cvpr2019())
                    .evaluateFiles(dir.resolve("gt.json"), dir.resolve("pred.json"));
            String expected = java.nio.file.Files.readString(dir.resolve("expected.txt"));
            assertEquals(strip(expected), strip(NuScenesText.write(r)), dir.toString());
        }
    }

    private static String strip(String s) {
        return s.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n").strip();
    }
}
