package io.avreplay.scenario.synth.lidar;

import java.util.Objects;

/**
 * A spinning lidar: beams evenly spaced in elevation, one firing per azimuth step per revolution.
 *
 * @param sensorId        stream id
 * @param beams           number of beams (1..256)
 * @param minElevationDeg lowest beam, degrees (negative = down)
 * @param maxElevationDeg highest beam, degrees
 * @param azimuthSteps    firings per revolution (e.g. 1800 = 0.2°)
 * @param maxRangeM       farthest return, metres
 * @param periodNs        revolution period, ns (per-point {@code offset_ns} runs over it)
 */
public record LidarSpec(String sensorId, int beams, double minElevationDeg, double maxElevationDeg, int azimuthSteps,
        double maxRangeM, long periodNs) {
    public LidarSpec {
        Objects.requireNonNull(sensorId, "sensorId");
        if (beams < 1 || beams > 256) {
            throw new IllegalArgumentException("beams must be 1..256, got " + beams);
        }
        if (!(maxElevationDeg >= minElevationDeg)) {
            throw new IllegalArgumentException("maxElevationDeg must be >= minElevationDeg, got " + minElevationDeg
                    + ".." + maxElevationDeg);
        }
        if (azimuthSteps < 8) {
            throw new IllegalArgumentException("azimuthSteps must be >= 8, got " + azimuthSteps);
        }
        if (!(maxRangeM > 0) || periodNs <= 0) {
            throw new IllegalArgumentException("maxRangeM and periodNs must be > 0, got " + maxRangeM + ", " + periodNs);
        }
    }

    /** 32 beams from −25° to +15°, 0.2° azimuth steps, 100 m, at {@code rateHz}. */
    public static LidarSpec standard32(String sensorId, double rateHz) {
        return new LidarSpec(sensorId, 32, -25, 15, 1800, 100, Math.round(1e9 / rateHz));
    }

    /** @return rays per revolution */
    public int raysPerSweep() {
        return beams * azimuthSteps;
    }

    /** @return elevation of beam {@code b}, radians */
    public double elevationRad(int b) {
        double deg = beams == 1 ? minElevationDeg : minElevationDeg + (maxElevationDeg - minElevationDeg) * b / (beams - 1);
        return Math.toRadians(deg);
    }
}
