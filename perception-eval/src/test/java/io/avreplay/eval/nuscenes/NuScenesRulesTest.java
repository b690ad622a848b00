package io.avreplay.eval.nuscenes;

import io.avreplay.eval.numpy.Numpy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.detection.InSample;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-worked cases, one per subtle devkit rule. */
class NuScenesRulesTest {
    private static final NuScenesConfig CAR_ONLY = new NuScenesConfig("car-only", Map.of("car", 50.0),
            List.of(0.5, 1.0, 2.0, 4.0), 2.0, 0.1, 0.1, 500, 5);

    static InSample<GroundTruth3d> gt(String s, double x, double y, String attr) {
        return new InSample<>(s, new GroundTruth3d(Box3d.world(new Vec3(x, y, 0), 4, 2, 1.5, 0), "car", "", 10, 1, 0,
                Detection3d.attributeList(attr), Float.NaN));
    }

    static InSample<Detection3d> pred(String s, double x, double y, double score) {
        return new InSample<>(s, new Detection3d(Box3d.world(new Vec3(x, y, 0), 4, 2, 1.5, 0), "car", score, 1, 0,
                Detection3d.attributeList("vehicle.moving"), Detection3d.NO_TRACK, Double.NaN, ""));
    }

    static NuScenesResult eval(NuScenesConfig cfg, List<InSample<GroundTruth3d>> gt,
            List<InSample<Detection3d>> preds) {
        return new NuScenesEvaluator(cfg).evaluate(NuScenesGroundTruth.of(gt), preds);
    }

    @Test
    void tiedScoresTakeTheLaterPredictionFirst() {
        // One GT at x=0. Predictions p0 at x=0.3 and p1 at x=0.45, both score 0.5, in that file order.
        // The devkit sorts (score, index) ascending and reverses, so p1 (index 1) is matched first at 0.5 m:
        // trans_err of the single TP is 0.45, not 0.3. The second prediction is an FP.
        NuScenesResult r = eval(CAR_ONLY, List.of(gt("s", 0, 0, "vehicle.moving")),
                List.of(pred("s", 0.3, 0, 0.5), pred("s", 0.45, 0, 0.5)));
        DetectionCurve c = r.curves().get("car:0.5");
        assertEquals(0.45, c.errors().get(TpMetric.TRANS_ERR).get(0), 1e-12);
    }

    @Test
    void distanceEqualToThresholdIsNoMatch() {
        // Prediction exactly 0.5 m away: 0.5 < 0.5 is false, so at 0.5 m it is an FP (AP 0); at 1 m a TP (AP 1).
        NuScenesResult r = eval(CAR_ONLY, List.of(gt("s", 0, 0, "")), List.of(pred("s", 0.5, 0, 0.9)));
        assertEquals(0.0, r.labelAps().get("car").get(0.5), 1e-12);
        assertEquals(1.0, r.labelAps().get("car").get(1.0), 1e-12);
    }

    @Test
    void apOfOneTpThenOneFpWithTwoGt() {
        // 2 GT (far apart), preds: TP (score .9), FP (score .8). rec = [.5, .5], prec = [1, .5].
        // np.interp at recall r: r < .5 -> left = prec[0] = 1; r == .5 -> last repeat = .5; r > .5 -> 0.
        // AP = mean over r = .11...1 (90 points) of max(p - .1, 0) / .9 = (39 * .9 + .4) / 90 / .9 = 35.5 / 81.
        NuScenesResult r = eval(CAR_ONLY, List.of(gt("s", 0, 0, ""), gt("s", 20, 0, "")),
                List.of(pred("s", 0, 0, 0.9), pred("s", 10, 0, 0.8)));
        DetectionCurve c = r.curves().get("car:0.5");
        assertEquals(1.0, c.precision().get(49), 1e-12);
        assertEquals(0.5, c.precision().get(50), 1e-12);
        assertEquals(0.0, c.precision().get(51), 1e-12);
        assertEquals(35.5 / 81, r.labelAps().get("car").get(0.5), 1e-12);
        // Max recall index is 50 (last non-zero confidence), so TP errors average points 11..50 (all 0 here).
        assertEquals(50, c.maxRecallIndex());
        assertEquals(0.0, r.labelTpErrors().get("car").get(TpMetric.TRANS_ERR), 1e-12);
    }

    @Test
    void recallBelowMinRecallGivesTpErrorOne() {
        // 20 GT (2 m apart, all within range), 1 TP: recall .05 -> confidence is non-zero up to index 5 only,
        // max recall index 5 < first index 11 -> every TP error is 1 (devkit's rule), AP 0.
        List<InSample<GroundTruth3d>> gts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            gts.add(gt("s", 2 * i, 0, ""));
        }
        NuScenesResult r = eval(CAR_ONLY, gts, List.of(pred("s", 0.1, 0, 0.9)));
        assertEquals(1.0, r.labelTpErrors().get("car").get(TpMetric.TRANS_ERR), 0);
        assertEquals(0.0, r.labelAps().get("car").get(2.0), 1e-12);
    }

    @Test
    void groundTruthAsPredictionsScoresPerfectly() {
        // Every GT reproduced exactly (score 1): precision 1 at every recall -> AP 1, errors 0, so
        // NDS = (5 * 1 + 5 * 1) / 10 = 1 (attr_err of GT without attribute is NaN and ignored).
        List<InSample<GroundTruth3d>> gts = List.of(gt("a", 0, 0, "vehicle.moving"), gt("a", 10, 0, ""), gt("b", 3, 3,
                ""));
        List<InSample<Detection3d>> preds = gts.stream().map(g -> pred(g.sampleToken(), g.object().box().x(),
                g.object().box().y(),
                1.0)).toList();
        NuScenesResult r = eval(CAR_ONLY, gts, preds);
        assertEquals(1.0, r.meanAp(), 1e-12);
        assertEquals(1.0, r.ndScore(), 1e-12);
    }

    @Test
    void unknownVelocityIsLeftOutOfTheMean() {
        // Two TPs: the first (higher score) has an unknown GT velocity (NaN), the second an error of 2 m/s.
        // cummean = [0 (no number yet), 2]; the curve's vel_err is 2 from the second TP's recall on.
        InSample<GroundTruth3d> g0 = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(0, 0, 0), 4, 2, 1.5,
                0), "car",
                "", 10, Double.NaN, Double.NaN, List.of(), Float.NaN));
        InSample<GroundTruth3d> g1 = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(20, 0, 0), 4, 2, 1.5,
                0), "car",
                "", 10, 3, 0, List.of(), Float.NaN));
        NuScenesResult r = eval(CAR_ONLY, List.of(g0, g1), List.of(pred("s", 0, 0, 0.9), pred("s", 20, 0, 0.8)));
        List<Double> vel = r.curves().get("car:2.0").errors().get(TpMetric.VEL_ERR);
        assertEquals(0.0, vel.get(0), 1e-12);
        assertEquals(2.0, vel.get(100), 1e-12);
        // All attributes unknown: cummean of all-NaN is ones, so attr_err is 1.
        assertEquals(1.0, r.labelTpErrors().get("car").get(TpMetric.ATTR_ERR), 1e-12);
    }

    @Test
    void conesAndBarriersHaveNoVelocityOrAttributeErrorAndBarriersAreSymmetric() {
        NuScenesConfig cfg = new NuScenesConfig("cb", Map.of("traffic_cone", 30.0, "barrier", 30.0),
                List.of(0.5, 1.0, 2.0, 4.0), 2.0, 0.1, 0.1, 500, 5);
        InSample<GroundTruth3d> b = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(1, 0, 0), 0.5, 2, 1,
                0.1),
                "barrier", "", 5, 0, 0, List.of(), Float.NaN));
        // Barrier predicted with its heading flipped by pi: period pi makes the orientation error 0.
        InSample<Detection3d> bp = new InSample<>("s", Detection3d.of(Box3d.world(new Vec3(1, 0, 0), 0.5, 2, 1,
                0.1 + Math.PI),
                "barrier", 0.9, 0, 0));
        InSample<GroundTruth3d> c = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(5, 0, 0), 0.3, 0.3, 1,
                0),
                "traffic_cone", "", 5, 0, 0, List.of(), Float.NaN));
        InSample<Detection3d> cp = new InSample<>("s", Detection3d.of(Box3d.world(new Vec3(5, 0, 0), 0.3, 0.3, 1, 2),
                "traffic_cone", 0.9, 0, 0));
        NuScenesResult r = new NuScenesEvaluator(cfg).evaluate(
                new NuScenesGroundTruth(List.of(b, c), List.of("s"), Map.of(), Map.of()), List.of(bp, cp));
        assertEquals(0.0, r.labelTpErrors().get("barrier").get(TpMetric.ORIENT_ERR), 1e-9);
        assertTrue(Double.isNaN(r.labelTpErrors().get("barrier").get(TpMetric.VEL_ERR)));
        assertTrue(Double.isNaN(r.labelTpErrors().get("barrier").get(TpMetric.ATTR_ERR)));
        assertTrue(Double.isNaN(r.labelTpErrors().get("traffic_cone").get(TpMetric.ORIENT_ERR)));
        // mAVE and mAAE: NaN for every class -> nanmean NaN -> score max(0, 1 - NaN) = 0.
        assertTrue(Double.isNaN(r.tpErrors().get(TpMetric.VEL_ERR)));
        assertEquals(0.0, r.tpScores().get(TpMetric.VEL_ERR), 0);
    }

    @Test
    void rangeFromEgoNumPointsAndBikeRacksFilterBoxes() {
        NuScenesConfig cfg = new NuScenesConfig("bc", Map.of("car", 50.0, "bicycle", 40.0),
                List.of(0.5, 1.0, 2.0, 4.0), 2.0, 0.1, 0.1, 500, 5);
        var ego = new NuScenesGroundTruth.EgoPosition(100, 0, 0);
        // Car 50 m from the ego vehicle: 50 < 50 is false, so it is dropped. Car with num_pts 0: dropped.
        InSample<GroundTruth3d> far = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(150, 0, 0), 4, 2,
                1.5, 0),
                "car", "", 5, 0, 0, List.of(), Float.NaN));
        InSample<GroundTruth3d> empty = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(110, 0, 0), 4, 2,
                1.5, 0),
                "car", "", 0, 0, 0, List.of(), Float.NaN));
        InSample<GroundTruth3d> kept = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(120, 0, 0), 4, 2,
                1.5, 0),
                "car", "", 3, 0, 0, List.of(), Float.NaN));
        // A bicycle whose centre lies in a rack (a 3 x 3 x 2 box at the same place) is dropped.
        InSample<GroundTruth3d> racked = new InSample<>("s", new GroundTruth3d(Box3d.world(new Vec3(105, 5, 0.5), 1.7,
                0.6, 1.2,
                0), "bicycle", "", 9, 0, 0, List.of(), Float.NaN));
        var rack = NuScenesGroundTruth.BikeRack.ofYaw(105, 5, 0.5, 3, 3, 2, 0.3);
        NuScenesGroundTruth gt = new NuScenesGroundTruth(List.of(far, empty, kept, racked), List.of("s"),
                Map.of("s", ego), Map.of("s", List.of(rack)));
        InSample<Detection3d> p = new InSample<>("s", Detection3d.of(Box3d.world(new Vec3(120, 0, 0), 4, 2, 1.5, 0),
                "car", 0.5,
                0, 0));
        InSample<Detection3d> pb = new InSample<>("s", Detection3d.of(Box3d.world(new Vec3(105, 5, 0.5), 1.7, 0.6,
                1.2, 0),
                "bicycle", 0.5, 0, 0));
        NuScenesResult r = new NuScenesEvaluator(cfg).evaluate(gt, List.of(p, pb));
        assertEquals(4, r.counts().gtBefore());
        assertEquals(1, r.counts().gtAfter());
        assertEquals(1, r.counts().predAfter());
        assertEquals(1.0, r.labelAps().get("car").get(0.5), 1e-12);
        // No bicycle GT left: the class scores AP 0 and TP errors 1, as the devkit does for absent classes.
        assertEquals(0.0, r.meanDistAps().get("bicycle"), 0);
        assertEquals(1.0, r.labelTpErrors().get("bicycle").get(TpMetric.SCALE_ERR), 0);
    }

    @Test
    void numpyInterpMatchesNumpyAtTiesAndEnds() {
        double[] xp = {0.2, 0.5, 0.5, 0.8};
        double[] fp = {1, 2, 3, 4};
        double[] out = Numpy.interp(new double[] {0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9}, xp, fp, 9, -9);
        // Below -> left; exact hit on a repeat -> last repeat (3); between 0.5 and 0.8 from the last repeat.
        assertEquals(9, out[0], 0);
        assertEquals(1, out[1], 0);
        assertEquals(1.5, out[2], 1e-12);
        assertEquals(3, out[3], 0);
        assertEquals(3.5, out[4], 1e-12);
        assertEquals(4, out[5], 0);
        assertEquals(-9, out[6], 0);
    }

    @Test
    void yawDifferenceWrapsWithPythonModulo() {
        // 3.1 - (-3.1) = 6.2 wraps to 6.2 - 2 pi.
        assertEquals(2 * Math.PI - 6.2, NuScenesGeometry.yawDiff(3.1, -3.1, 2 * Math.PI), 1e-12);
        assertEquals(0.0, NuScenesGeometry.yawDiff(0.3, 0.3 + Math.PI, Math.PI), 1e-12);
        assertEquals(Math.PI / 2, NuScenesGeometry.quaternionYaw(Math.cos(Math.PI / 4), 0, 0, Math.sin(Math.PI / 4)),
                1e-12);
    }
}
