package io.avreplay.eval.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Expected assignments are SciPy 1.10.1's {@code linear_sum_assignment} on the same matrices. */
class LinearSumAssignmentTest {
    private static final double NAN = Double.NaN;

    @Test
    void constantMatrixGivesTheIdentity() {
        // Every assignment costs 2; SciPy scans columns from the last but prefers a free column on ties: identity.
        assertArrayEquals(new int[] {0, 1}, LinearSumAssignment.solve(new double[] {1, 1, 1, 1}, 2, 2));
    }

    @Test
    void minimumCostWins() {
        // [[1, 1], [1, 9]]: row 1 must take column 0 (1 + 1 = 2 < 1 + 9).
        assertArrayEquals(new int[] {1, 0}, LinearSumAssignment.solve(new double[] {1, 1, 1, 9}, 2, 2));
    }

    @Test
    void tallMatrixIsSolvedTransposed() {
        // 3 rows x 2 columns, every row [5, 1]: every choice of two rows costs 6; SciPy returns rows 0 and 1,
        // row 0 on column 0.
        assertArrayEquals(new int[] {0, 1, -1}, LinearSumAssignment.solve(new double[] {5, 1, 5, 1, 5, 1}, 3, 2));
    }

    @Test
    void forbiddenPairsAreNeverReturned() {
        // [[NaN, 0.5], [NaN, 0.4]]: column 0 is forbidden for both rows; the cheaper row 1 gets column 1 and
        // row 0's forced pairing with column 0 (a large cost) is dropped.
        assertArrayEquals(new int[] {-1, 1}, LinearSumAssignment.solve(new double[] {NAN, 0.5, NAN, 0.4}, 2, 2));
        assertArrayEquals(new int[] {-1}, LinearSumAssignment.solve(new double[] {NAN, NAN}, 1, 2));
    }
}
