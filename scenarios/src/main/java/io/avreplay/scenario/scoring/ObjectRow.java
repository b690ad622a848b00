package io.avreplay.scenario.scoring;

import java.util.Objects;

/**
 * One object of one frame after matching: a ground-truth object or a detection, with its match and, when
 * matched, the pair's errors. Positions are in the frame's ego frame. Errors are NaN when unmatched (and
 * velocity error also when either velocity is unknown); the same values sit on both rows of a pair.
 *
 * @param role          ground truth or detection
 * @param category      evaluation class (e.g. {@code pedestrian})
 * @param trackId       instance id; "" when unknown
 * @param score         detection confidence; NaN for ground truth
 * @param xM            centre x, metres, ego frame
 * @param yM            centre y, metres, ego frame
 * @param numPoints     lidar points in the ground-truth box; -1 when unknown or for detections
 * @param visibility    ground-truth visibility in [0, 1]; NaN when unknown or for detections
 * @param partner       index of the class-aware match in the other list of the frame, -1 when unmatched
 * @param agnosticClass class of the class-agnostic match (any class), "" when none
 * @param longErrM      detection − truth centre along the truth's heading, metres (signed)
 * @param latErrM       detection − truth centre across the truth's heading (left positive), metres (signed)
 * @param yawErrRad     |detection − truth heading| wrapped to [0, π], radians
 * @param sizeErrM      Euclidean norm of the length, width and height differences, metres
 * @param velErrMps     norm of the velocity difference, metres per second
 */
public record ObjectRow(Role role, String category, String trackId, double score, double xM, double yM, int numPoints,
        double visibility, int partner, String agnosticClass, double longErrM, double latErrM, double yawErrRad,
        double sizeErrM, double velErrMps) {
    /** Which list a row belongs to. */
    public enum Role { TRUTH, DETECTION }

    public ObjectRow {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(agnosticClass, "agnosticClass");
        if (!Double.isFinite(xM) || !Double.isFinite(yM)) {
            throw new IllegalArgumentException("object position must be finite, got (" + xM + ", " + yM + ")");
        }
        if (partner < -1) {
            throw new IllegalArgumentException("partner must be >= -1, got " + partner);
        }
    }

    /** @return horizontal distance from the ego origin, metres */
    public double distanceM() {
        return Math.hypot(xM, yM);
    }

    /** @return whether the class-aware matching paired this row */
    public boolean matched() {
        return partner >= 0;
    }

    /** @return the value of an error quantity, NaN when unmatched or unknown */
    public double error(ErrorQuantity q) {
        return switch (q) {
            case LONG -> Math.abs(longErrM);
            case LAT -> Math.abs(latErrM);
            case POS -> Math.hypot(longErrM, latErrM);
            case YAW -> yawErrRad;
            case SIZE -> sizeErrM;
            case VEL -> velErrMps;
        };
    }
}
