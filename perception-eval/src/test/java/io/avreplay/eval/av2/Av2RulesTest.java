package io.avreplay.eval.av2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.eval.detection.EvalProvenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-derived av2 metrics for one sweep: a REGULAR_VEHICLE annotation at (10, 0, 0), 4 x 2 x 1.5 m, yaw 0;
 * detection d1 (score 0.9) of the same size and yaw at (11, 0, 0), 1 m away; d2 (score 0.8) at (10.25, 0, 0);
 * d3 (0.95) at (200, 0, 0), beyond 150 m; an annotation with no interior point at (20, 0, 0).
 */
class Av2RulesTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "log_id,timestamp_ns,category,tx_m,ty_m,tz_m,length_m,width_m,height_m,qw,qx,qy,qz,";

    @Test
    void greedyAssignmentApAndTpErrors() throws Exception {
        Path gt = tmp.resolve("gt.csv");
        Path dt = tmp.resolve("dt.csv");
        Files.writeString(gt, HEADER + "num_interior_pts\n"
                + "log,1,REGULAR_VEHICLE,10,0,0,4,2,1.5,1,0,0,0,20\n"
                + "log,1,REGULAR_VEHICLE,20,0,0,4,2,1.5,1,0,0,0,0\n");
        Files.writeString(dt, HEADER + "score\n"
                + "log,1,REGULAR_VEHICLE,11,0,0,4,2,1.5,1,0,0,0,0.9\n"
                + "log,1,REGULAR_VEHICLE,10.25,0,0,4,2,1.5,-1,0,0,0,0.8\n"
                + "log,1,REGULAR_VEHICLE,200,0,0,4,2,1.5,1,0,0,0,0.95\n");
        Av2Config cfg = Av2Config.defaults().withCategories(List.of("REGULAR_VEHICLE", "BUS"));
        Av2Result r;
        try (RootAllocator allocator = new RootAllocator()) {
            r = new Av2Evaluator(cfg).evaluateFiles(gt, dt, allocator);
        }
        // d3 is out of range and the second annotation has no points: 1 evaluated annotation, 2 detections.
        assertEquals(new Av2MetricData.Counts(1, 2, 1, 3, 2), r.counts());
        // Both d1 and d2 are nearest to the one annotation; it goes to the better-scored d1 (1 m: a true
        // positive at 2 and 4 m only, strict <), and d2 is a false positive although it is closer.
        // At 0.5 and 1 m no true positive: AP 0. At 2 and 4 m the ranked flags are [TP, FP]: precision
        // [1/(1+eps), 1/(2+eps)], recall [1, 1]; the 100 recall samples below 1 take 1/(1+eps), the sample at
        // recall 1 takes the last repeat, 0.5: AP = (100 / (1 + eps) + 0.5) / 101.
        double ap = (100 / (1 + Math.ulp(1.0)) + 0.5) / 101;
        // (NumPy's pairwise mean of those 101 values is 0.9950495049504949, one ulp above this formula.)
        List<Double> aps = r.thresholdAps().get("REGULAR_VEHICLE");
        assertEquals(0.0, aps.get(0));
        assertEquals(0.0, aps.get(1));
        assertEquals(0.9950495049504949, aps.get(2));
        assertEquals(ap, aps.get(3), 1e-15);
        Av2Scores s = r.categories().get("REGULAR_VEHICLE");
        assertEquals(ap / 2, s.ap(), 1e-15);
        // d1's errors: 1 m, same size (ASE 0), same yaw (AOE 0); scores 1 - 1/2, 1, 1; CDS = AP x 2.5 / 3.
        assertEquals(1.0, s.ateM());
        assertEquals(0.0, s.ase());
        assertEquals(0.0, s.aoeRad());
        assertEquals(ap / 2 * (2.5 / 3), s.cds(), 1e-15);
        // BUS has no annotation: av2's defaults, which count in the mean.
        assertEquals(new Av2Scores(0.0, 2.0, 1.0, Math.PI, 0.0), r.categories().get("BUS"));
        assertEquals((1.0 + 2.0) / 2, r.average().ateM());
        assertEquals((ap / 2 * (2.5 / 3)) / 2, r.average().cds(), 1e-15);
    }

    @Test
    void yawErrorWrapsAroundPi() {
        // A flip by pi (yaw 0 against the quaternion (0, 0, 0, 1)) is an error of pi; 3 pi / 2 wraps to pi / 2.
        assertEquals(Math.PI, Av2Assignment.wrap(0 - Av2Assignment.yaw(new double[] {0, 0, 0, 1}, 0)), 1e-15);
        assertEquals(Math.PI / 2, Av2Assignment.wrap(1.5 * Math.PI), 1e-15);
        // A non-unit, sign-flipped quaternion is the same rotation: yaw of (-2, 0, 0, 0) is 0.
        assertEquals(0.0, Av2Assignment.yaw(new double[] {-2, 0, 0, 0}, 0), 0.0);
    }

    @Test
    void jsonRoundTrip() throws Exception {
        Path dir = io.avreplay.eval.Golden.root().resolve("av2").resolve("random-s35");
        Av2Result r;
        try (RootAllocator allocator = new RootAllocator()) {
            r = new Av2Evaluator(Av2Config.defaults()).evaluateFiles(dir.resolve("gt.csv"), dir.resolve("dt.csv"),
                    allocator);
        }
        String json = Av2Json.write(r);
        assertEquals(r, Av2Json.read(json));
        assertEquals(new EvalProvenance("av2", "av2_detection_0.3.6", List.of(dir.resolve("gt.csv").toString(),
                dir.resolve("dt.csv").toString()), r.provenance().toolVersion()), r.provenance());
    }
}
