package io.avreplay.eval.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpyTest {
    @Test
    void sumAddsPairwiseLikeNumpy() {
        // np.sum([1e16] + [1.0] * 8) == 1.0000000000000008e16 while Python's sequential sum gives 1e16:
        // eight accumulators r0..r7 = 1e16, 1, ..., 1; ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        // = (1e16 + 2) + 4 = 1e16 + 6, then + a[8] = 1e16 + 7, which rounds to even: 1e16 + 8.
        double[] a = {1e16, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(1.0000000000000008e16, Numpy.sum(a));
        double seq = 0;
        for (double v : a) {
            seq += v;
        }
        assertEquals(1e16, seq);
    }

    @Test
    void meanOfEmptyIsNaN() {
        assertEquals(Double.NaN, Numpy.mean(new double[0]));
        assertEquals(2.0, Numpy.mean(new double[] {1, 2, 3}));
    }

    @Test
    void interpTakesTheLastRepeatAndClampsLeft() {
        // xp = [0, 0, 1] with fp = [5, 3, 1]: x = 0 takes the last repeat (3); x = 0.5 interpolates between
        // xp[1] = 0 and xp[2] = 1: 3 + (1 - 3) * 0.5 = 2; x = -1 is left of xp: fp[0] = 5; x = 2 is right: 0.
        double[] out = Numpy.interp(new double[] {0, 0.5, -1, 2}, new double[] {0, 0, 1}, new double[] {5, 3, 1}, 0);
        assertArrayEquals(new double[] {3, 2, 5, 0}, out);
    }

    @Test
    void linspaceEndsExactlyAtStop() {
        // step = 0.9 / 3 = 0.3 (rounded); 0.1 + 2 * 0.3 = 0.7000000000000001, then the last is exactly 1.0.
        double[] y = Numpy.linspace(0.1, 1.0, 4);
        assertEquals(0.1, y[0]);
        assertEquals(0.1 + 2 * (0.9 / 3), y[2]);
        assertEquals(1.0, y[3]);
        assertEquals(0.7, Numpy.round(y[2], 12));
    }
}
