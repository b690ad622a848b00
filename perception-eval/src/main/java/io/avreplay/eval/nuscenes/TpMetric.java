package io.avreplay.eval.nuscenes;

/** The five nuScenes true-positive error metrics, with the devkit's names. */
public enum TpMetric {
    /** Ground-plane centre distance, metres. */
    TRANS_ERR("trans_err", "mATE"),
    /** 1 - IoU after aligning centre and heading. */
    SCALE_ERR("scale_err", "mASE"),
    /** Absolute yaw difference, radians (period pi for barriers). */
    ORIENT_ERR("orient_err", "mAOE"),
    /** Velocity difference, m/s. */
    VEL_ERR("vel_err", "mAVE"),
    /** 1 - attribute accuracy. */
    ATTR_ERR("attr_err", "mAAE");

    private final String key;
    private final String summaryName;

    TpMetric(String key, String summaryName) {
        this.key = key;
        this.summaryName = summaryName;
    }

    /** @return the devkit's key, e.g. {@code trans_err} */
    public String key() {
        return key;
    }

    /** @return the printed summary name, e.g. {@code mATE} */
    public String summaryName() {
        return summaryName;
    }

    /** @return whether the devkit reports NaN for this metric and class (cones and barriers) */
    public boolean undefinedFor(String className) {
        return switch (className) {
            case "traffic_cone" -> this == ATTR_ERR || this == VEL_ERR || this == ORIENT_ERR;
            case "barrier" -> this == ATTR_ERR || this == VEL_ERR;
            default -> false;
        };
    }
}
