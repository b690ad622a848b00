package io.avreplay.replay.bench;

import io.avreplay.replay.arrow.LidarPointsView;
import io.avreplay.replay.log.LidarSweep;
import java.nio.FloatBuffer;

/**
 * The benchmarks' consumer: reads every point's x, y, z and intensity once and sums them. One accumulator
 * per column keeps the loop bound by memory, not by the latency of a single chain of floating-point adds
 * (which alone cost a third of the replay time), so the benchmarks measure the reading, not the consumer.
 * The sum is returned so the JIT cannot skip the reads.
 */
public final class PointTouch {
    private PointTouch() {
    }

    /** Touches a view's points. */
    public static double sum(LidarPointsView v) {
        FloatBuffer x = v.x();
        FloatBuffer y = v.y();
        FloatBuffer z = v.z();
        FloatBuffer in = v.intensity();
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        for (int i = 0, n = v.size(); i < n; i++) {
            a += x.get(i);
            b += y.get(i);
            c += z.get(i);
            d += in.get(i);
        }
        return (double) a + b + c + d;
    }

    /** Touches an owned sweep's points. */
    public static double sum(LidarSweep s) {
        float[] x = s.x();
        float[] y = s.y();
        float[] z = s.z();
        float[] in = s.intensity();
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        for (int i = 0; i < x.length; i++) {
            a += x[i];
            b += y[i];
            c += z[i];
            d += in[i];
        }
        return (double) a + b + c + d;
    }
}
