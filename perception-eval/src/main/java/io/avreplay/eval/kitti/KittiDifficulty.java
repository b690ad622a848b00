package io.avreplay.eval.kitti;

/** The KITTI difficulty levels; they are cumulative (hard includes easy and moderate objects). */
public enum KittiDifficulty {
    /** Box height over 40 px, fully visible, truncation at most 0.15. */
    EASY(40, 0, 0.15),
    /** Box height over 25 px, partly occluded at most, truncation at most 0.30. */
    MODERATE(25, 1, 0.30),
    /** Box height over 25 px, largely occluded at most, truncation at most 0.50. */
    HARD(25, 2, 0.50);

    final int minHeight;
    final int maxOcclusion;
    final double maxTruncation;

    KittiDifficulty(int minHeight, int maxOcclusion, double maxTruncation) {
        this.minHeight = minHeight;
        this.maxOcclusion = maxOcclusion;
        this.maxTruncation = maxTruncation;
    }
}
