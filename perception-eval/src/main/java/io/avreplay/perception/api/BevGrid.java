package io.avreplay.perception.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A bird's-eye-view grid over the <b>ego frame</b>: row {@code r} covers ego x in
 * {@code [xMinM + r·cellM, xMinM + (r+1)·cellM)}, column {@code c} covers ego y likewise from
 * {@code yMinM}. Points with ego z outside {@code [zMinM, zMaxM]} are dropped. Four channels: max
 * height, mean height (both relative to {@code zMinM}, divided by the z range), density
 * ({@code log(1+n)/log(1+64)}, capped at 1) and mean intensity.
 *
 * @param xMinM lower x bound, metres
 * @param xMaxM upper x bound, metres
 * @param yMinM lower y bound, metres
 * @param yMaxM upper y bound, metres
 * @param zMinM lower z bound, metres
 * @param zMaxM upper z bound, metres
 * @param cellM cell side, metres
 */
public record BevGrid(double xMinM, double xMaxM, double yMinM, double yMaxM, double zMinM, double zMaxM,
        double cellM) implements InputSpec {
    /** Channels of the featurized grid. */
    public static final int CHANNELS = 4;

    /** @throws IllegalArgumentException when a range is empty or the cell size is not positive */
    public BevGrid {
        if (!(cellM > 0)) {
            throw new IllegalArgumentException("cellM must be > 0, got " + cellM);
        }
        if (!(xMaxM > xMinM) || !(yMaxM > yMinM) || !(zMaxM > zMinM)) {
            throw new IllegalArgumentException("grid ranges must be non-empty, got x [" + xMinM + ", " + xMaxM
                    + "] y [" + yMinM + ", " + yMaxM + "] z [" + zMinM + ", " + zMaxM + "]");
        }
    }

    /**
     * A ±40 m grid at 0.5 m cells (160 × 160), z from −2 to +4 m (ego frame, ground ≈ 0). The shipped lidar
     * model uses {@code TrainConfig.LIDAR_GRID} (±51.2 m); a detector always takes its grid from its card.
     */
    public static BevGrid standard() {
        return new BevGrid(-40, 40, -40, 40, -2, 4, 0.5);
    }

    @Override
    @JsonIgnore
    public int channels() {
        return CHANNELS;
    }

    @Override
    @JsonIgnore
    public int rows() {
        return (int) Math.round((xMaxM - xMinM) / cellM);
    }

    @Override
    @JsonIgnore
    public int cols() {
        return (int) Math.round((yMaxM - yMinM) / cellM);
    }
}
