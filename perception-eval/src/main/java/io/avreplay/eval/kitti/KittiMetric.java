package io.avreplay.eval.kitti;

/** The KITTI metrics, with their keys in {@code expected.json}. */
public enum KittiMetric {
    /** 2D image boxes. */
    BBOX_2D("bbox_2d"),
    /** Average orientation similarity on 2D boxes. */
    AOS("aos"),
    /** Bird's-eye-view rotated rectangles. */
    BEV("bev"),
    /** 3D boxes. */
    BOX_3D("3d");

    private final String key;

    KittiMetric(String key) {
        this.key = key;
    }

    /** @return the JSON key */
    public String key() {
        return key;
    }
}
