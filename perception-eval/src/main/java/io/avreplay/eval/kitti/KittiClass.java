package io.avreplay.eval.kitti;

/** The evaluated KITTI classes, their overlap thresholds and neighbour classes (ignored, never FN). */
public enum KittiClass {
    /** Cars; Van ground truth is ignored. */
    CAR("Car", 0.7, "Van"),
    /** Pedestrians; Person_sitting ground truth is ignored. */
    PEDESTRIAN("Pedestrian", 0.5, "Person_sitting"),
    /** Cyclists; no neighbour class. */
    CYCLIST("Cyclist", 0.5, "");

    private final String label;
    final double minOverlap;
    final String neighbour;

    KittiClass(String label, double minOverlap, String neighbour) {
        this.label = label;
        this.minOverlap = minOverlap;
        this.neighbour = neighbour;
    }

    /** @return the name used in label files and reports, e.g. {@code Car} */
    public String label() {
        return label;
    }

    /** @return the minimum overlap for a match (strictly greater), the same for 2D, BEV and 3D */
    public double minOverlap() {
        return minOverlap;
    }
}
