package io.avreplay.scenario.synth.world;

import java.util.List;

/**
 * The road surface: a straight arterial along x centred on y = 0 with {@code lanesPerDirection}
 * lanes each way (right-hand traffic: +x lanes at y &lt; 0), optional parking strips, kerbs and
 * pavements, an optional four-way intersection with a road along y, zebra crosswalks and potholes.
 * Immutable and thread-safe.
 *
 * @param lanesPerDirection lanes each way
 * @param laneWidthM        lane width, metres
 * @param parkingWidthM     parking strip width each side (0 = none), metres
 * @param pavementWidthM    pavement width, metres
 * @param intersection      whether a cross road exists
 * @param intersectionXM    x of the cross road's centre line, metres
 * @param crosswalksXM      x of the centre of each crosswalk on the arterial, metres
 * @param potholes          road-surface depressions
 */
public record RoadLayout(int lanesPerDirection, double laneWidthM, double parkingWidthM, double pavementWidthM,
        boolean intersection, double intersectionXM, List<Double> crosswalksXM, List<Pothole> potholes) {
    /** Height of the pavement above the road, metres. */
    public static final double KERB_HEIGHT_M = 0.15;
    static final double CROSSWALK_HALF_WIDTH_M = 2.0;

    public RoadLayout {
        crosswalksXM = List.copyOf(crosswalksXM);
        potholes = List.copyOf(potholes);
    }

    /** @return half the carriageway width (lanes plus parking), metres */
    public double halfRoadM() {
        return lanesPerDirection * laneWidthM + parkingWidthM;
    }

    /** @return distance from the centre line to the building line, metres */
    public double buildingLineM() {
        return halfRoadM() + pavementWidthM;
    }

    /** @return true when {@code (x, y)} is on a carriageway (arterial or cross road) */
    public boolean onRoad(double x, double y) {
        double h = halfRoadM();
        return Math.abs(y) < h || (intersection && Math.abs(x - intersectionXM) < h);
    }

    /** @return the pothole containing the point, or -1 */
    public int potholeAt(double x, double y) {
        for (int i = 0; i < potholes.size(); i++) {
            if (potholes.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    /** @return ground height at a point, metres (0 road, kerb height on pavements, −depth in potholes) */
    public double heightAt(double x, double y) {
        if (!onRoad(x, y)) {
            return KERB_HEIGHT_M;
        }
        int p = potholeAt(x, y);
        return p < 0 ? 0 : -potholes.get(p).depthM();
    }

    /** @return the material of the ground at a point */
    public Material materialAt(double x, double y) {
        if (!onRoad(x, y)) {
            return Material.PAVEMENT;
        }
        if (potholeAt(x, y) >= 0) {
            return Material.POTHOLE;
        }
        return markingAt(x, y) != 0 ? Material.MARKING : Material.ASPHALT;
    }

    /**
     * @return 0 for plain surface, 1 for white paint, 2 for yellow paint
     */
    public int markingAt(double x, double y) {
        double h = halfRoadM();
        double lanes = lanesPerDirection * laneWidthM;
        boolean inJunction = intersection && Math.abs(x - intersectionXM) < h && Math.abs(y) < h;
        if (inJunction) {
            return 0;
        }
        if (Math.abs(y) < h) {
            for (double cx : crosswalksXM) {
                if (Math.abs(x - cx) < CROSSWALK_HALF_WIDTH_M) {
                    return Math.floorMod((long) Math.floor((y + 1000) / 0.6), 2) == 0 ? 1 : 0;
                }
            }
            if (isLongitudinalLine(y, x, lanes)) {
                return Math.abs(y) < 0.2 ? 2 : 1;
            }
        }
        if (intersection && Math.abs(x - intersectionXM) < h && isLongitudinalLine(x - intersectionXM, y, lanes)) {
            return Math.abs(x - intersectionXM) < 0.2 ? 2 : 1;
        }
        return 0;
    }

    /** Lane lines across coordinate {@code a} (distance from the centre line), dashed along {@code along}. */
    private boolean isLongitudinalLine(double a, double along, double lanes) {
        double abs = Math.abs(a);
        if (abs < 0.2) {
            return abs > 0.05;
        }
        if (Math.abs(abs - (lanes - 0.15)) < 0.075) {
            return true;
        }
        for (int k = 1; k < lanesPerDirection; k++) {
            if (Math.abs(abs - k * laneWidthM) < 0.075) {
                return Math.floorMod((long) Math.floor((along + 1000) / 3.0), 3) == 0;
            }
        }
        return false;
    }

    /**
     * Intersects a ray with the ground (road, kerb-height pavements, pothole floors).
     *
     * @return the distance {@code t > 0} along the ray (units of |d|), or {@code +∞} when it never
     *         reaches the ground
     */
    public double intersectGround(double ox, double oy, double oz, double dx, double dy, double dz) {
        if (dz >= -1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        double t = -oz / dz;
        double x = ox + t * dx;
        double y = oy + t * dy;
        if (!onRoad(x, y)) {
            double tk = (KERB_HEIGHT_M - oz) / dz;
            double xk = ox + tk * dx;
            double yk = oy + tk * dy;
            if (!onRoad(xk, yk)) {
                return tk;
            }
            // the ray meets the kerb's vertical face between the two planes: bisect for it
            double lo = tk;
            double hi = t;
            for (int i = 0; i < 20; i++) {
                double mid = 0.5 * (lo + hi);
                if (onRoad(ox + mid * dx, oy + mid * dy)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi;
        }
        int p = potholeAt(x, y);
        if (p < 0) {
            return t;
        }
        Pothole hole = potholes.get(p);
        double tf = (-hole.depthM() - oz) / dz;
        if (hole.contains(ox + tf * dx, oy + tf * dy)) {
            return tf;
        }
        // at grazing angles the ray meets the far wall of the hole before its floor: bisect for the rim
        double lo = t;
        double hi = tf;
        for (int i = 0; i < 20; i++) {
            double mid = 0.5 * (lo + hi);
            if (hole.contains(ox + mid * dx, oy + mid * dy)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
