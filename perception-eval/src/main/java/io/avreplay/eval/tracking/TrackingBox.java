package io.avreplay.eval.tracking;

/**
 * One tracked box of a sample, ground truth or prediction, in the world frame. Only what the tracking
 * metrics use: the centre, the track, the class, the score and the lidar/radar point count.
 *
 * @param sampleToken  the sample (a keyframe of a scene)
 * @param x            centre x, world frame, metres
 * @param y            centre y, world frame, metres
 * @param z            centre z, world frame, metres
 * @param trackingId   the track; unique per scene (the same id in two scenes is two tracks)
 * @param trackingName the class, e.g. {@code car}
 * @param score        the tracking score of a prediction; {@code -1} for ground truth
 * @param numPts       lidar + radar points inside a ground-truth box ({@code 0} removes it), {@code -1} unknown
 */
public record TrackingBox(String sampleToken, double x, double y, double z, String trackingId, String trackingName,
        double score, int numPts) {
    /** @throws IllegalArgumentException when a coordinate or the score is not finite or a string is null */
    public TrackingBox {
        if (sampleToken == null || trackingId == null || trackingName == null) {
            throw new IllegalArgumentException("tracking box: sampleToken, trackingId and trackingName must be non-null");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("tracking box: translation must be finite, got [" + x + ", " + y + ", "
                    + z + "]");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("tracking box: tracking_score must be finite, got " + score);
        }
    }
}
