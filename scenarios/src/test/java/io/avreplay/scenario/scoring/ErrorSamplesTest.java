package io.avreplay.scenario.scoring;

import static io.avreplay.scenario.scoring.Fixtures.det;
import static io.avreplay.scenario.scoring.Fixtures.frame;
import static io.avreplay.scenario.scoring.Fixtures.gt;
import static io.avreplay.scenario.scoring.Fixtures.ones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorSamplesTest {
    @Test
    void longitudinalAndLateralAreInTheTruthHeadingFrame() {
        // Truth heading 90° (facing +y); the detection is 1 m further along +y and 0.5 m towards -x.
        // Along the heading: +1 m (longitudinal); across (left of +y is -x): +0.5 m (lateral).
        MatchedFrame f = frame(0, List.of(gt("car", "a", 10, 0, Math.PI / 2, 10)),
                List.of(det("car", 9.5, 1, 0.9, Math.PI / 2 + 0.1, 1.5)));
        ObjectRow g = f.truth().get(0);
        assertEquals(1.0, g.longErrM(), 1e-12);
        assertEquals(0.5, g.latErrM(), 1e-12);
        assertEquals(0.1, g.yawErrRad(), 1e-12);
        // Truth velocity (0, 0), detection (1.5, 0): 1.5 m/s. Same sizes: 0.
        assertEquals(1.5, g.velErrMps(), 1e-12);
        assertEquals(0.0, g.sizeErrM(), 1e-12);
    }

    @Test
    void yawErrorWrapsAroundPi() {
        // 3.0 vs -3.0 rad differ by 6.0, wrapped: 2π - 6 = 0.2832 rad.
        MatchedFrame f = frame(0, List.of(gt("car", "a", 10, 0, 3.0, 10)), List.of(det("car", 10, 0, 0.9, -3.0, 0)));
        assertEquals(2 * Math.PI - 6, f.truth().get(0).yawErrRad(), 1e-12);
    }

    /** Five frames, one car each, detected with lateral offsets 0.1, 0.2, 0.3, 0.4, 1.0 m. */
    static List<MatchedFrame> five() {
        double[] off = {0.1, 0.2, 0.3, 0.4, 1.0};
        return java.util.stream.IntStream.range(0, 5).mapToObj(i -> frame(i, List.of(gt("car", "c", 10, 0)),
                List.of(det("car", 10, off[i], 0.9)))).toList();
    }

    @Test
    void statisticsAreExact() {
        ErrorSamples lat = ErrorSamples.of(five(), ObjectFilter.ALL, ErrorQuantity.LAT);
        int[] w = ones(5);
        // mean = 2.0 / 5 = 0.4; squares sum 0.01+0.04+0.09+0.16+1 = 1.30, rms = sqrt(0.26);
        // std = sqrt(0.26 - 0.16) = sqrt(0.1); p50 = 0.3 (rank 2); p90: pos 0.9*4 = 3.6, 0.4 + 0.6*0.6 = 0.76;
        // p99: pos 3.96, 0.4 + 0.96*0.6 = 0.976; max 1.0.
        assertEquals(0.4, lat.statistic(Statistic.MEAN, w), 1e-12);
        assertEquals(Math.sqrt(0.26), lat.statistic(Statistic.RMS, w), 1e-12);
        assertEquals(Math.sqrt(0.1), lat.statistic(Statistic.STD, w), 1e-12);
        assertEquals(0.3, lat.statistic(Statistic.P50, w), 1e-12);
        assertEquals(0.76, lat.statistic(Statistic.P90, w), 1e-12);
        assertEquals(0.976, lat.statistic(Statistic.P99, w), 1e-12);
        assertEquals(1.0, lat.statistic(Statistic.MAX, w), 1e-12);
    }

    @Test
    void weightsAreReplicatedSamples() {
        ErrorSamples lat = ErrorSamples.of(five(), ObjectFilter.ALL, ErrorQuantity.LAT);
        // Weights {2,0,0,1,0}: samples 0.1, 0.1, 0.4. p50 = 0.1; max 0.4; mean 0.2; p90: pos 1.8 -> 0.1 + 0.8*0.3.
        int[] w = {2, 0, 0, 1, 0};
        assertEquals(0.1, lat.statistic(Statistic.P50, w), 1e-12);
        assertEquals(0.4, lat.statistic(Statistic.MAX, w), 1e-12);
        assertEquals(0.2, lat.statistic(Statistic.MEAN, w), 1e-12);
        assertEquals(0.34, lat.statistic(Statistic.P90, w), 1e-12);
        assertTrue(Double.isNaN(lat.statistic(Statistic.MEAN, new int[5])));
    }

    @Test
    void mergingLogsMergesSamples() {
        // Two logs' partial data concatenated: statistics equal those of all samples together.
        List<MatchedFrame> a = five().subList(0, 2);
        List<MatchedFrame> b = five().subList(2, 5);
        List<MatchedFrame> merged = new java.util.ArrayList<>(a);
        merged.addAll(b);
        assertEquals(0.976, ErrorSamples.of(merged, ObjectFilter.ALL, ErrorQuantity.LAT).statistic(Statistic.P99,
                ones(5)), 1e-12);
    }
}
