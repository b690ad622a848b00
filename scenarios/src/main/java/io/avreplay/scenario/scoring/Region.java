package io.avreplay.scenario.scoring;

import java.util.Objects;

/**
 * A named axis-aligned rectangle in the ego frame (x forward, y left), e.g. the ego lane corridor
 * {@code x 0..60, y -2..2}. Bounds are inclusive.
 *
 * @param name  name used in gate selectors: lower-case letters, digits and {@code _}
 * @param xMinM lower x, metres
 * @param xMaxM upper x, metres, &gt; xMinM
 * @param yMinM lower y, metres
 * @param yMaxM upper y, metres, &gt; yMinM
 */
public record Region(String name, double xMinM, double xMaxM, double yMinM, double yMaxM) {
    public Region {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("region name must be lower-case letters, digits or '_', got '" + name + "'");
        }
        if (!(xMaxM > xMinM) || !(yMaxM > yMinM) || Double.isInfinite(xMinM) || Double.isInfinite(yMinM)
                || Double.isInfinite(xMaxM) || Double.isInfinite(yMaxM)) {
            throw new IllegalArgumentException("region " + name + " needs finite x [" + xMinM + ", " + xMaxM
                    + "] and y [" + yMinM + ", " + yMaxM + "] with max > min");
        }
    }

    /** @return whether the ego-frame point (metres) lies inside */
    public boolean contains(double xM, double yM) {
        return xM >= xMinM && xM <= xMaxM && yM >= yMinM && yM <= yMaxM;
    }
}
