package io.avreplay.replay.log;

import java.util.Locale;

/** Kinds of physical sensor that carry a calibration. */
public enum SensorKind {
    LIDAR, CAMERA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SensorKind fromId(String id) {
        for (SensorKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown sensor kind '" + id + "'");
    }
}
