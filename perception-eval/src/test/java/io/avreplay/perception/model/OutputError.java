package io.avreplay.perception.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far one network's outputs are from another's, for the tests that compare backends. Stateless. */
public final class OutputError {
    private OutputError() {
    }

    /** @return the largest |got − expected| relative to the expected output's largest magnitude (at least 1e-6) */
    public static double relative(float[] expected, float[] got) {
        assertEquals(expected.length, got.length);
        double maxAbs = 0;
        double maxErr = 0;
        for (int i = 0; i < got.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
            maxErr = Math.max(maxErr, Math.abs(expected[i] - got[i]));
        }
        return maxErr / Math.max(1e-6, maxAbs);
    }
}
