package io.avreplay.eval.coco;

/** pycocotools' default bbox parameters, with NumPy's {@code linspace} arithmetic. */
final class CocoParams {
    /** IoU thresholds .50:.05:.95. */
    static final double[] IOU_THRS = linspace(0.5, 0.95, 10);
    /** Recall thresholds 0:.01:1. */
    static final double[] REC_THRS = linspace(0.0, 1.0, 101);
    /** Detections per image considered. */
    static final int[] MAX_DETS = {1, 10, 100};
    /** Area ranges all, small, medium, large in square pixels, inclusive at both ends. */
    static final double[][] AREA_RNG = {{0, 1e10}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, 1e10}};
    static final String[] AREA_LABELS = {"all", "small", "medium", "large"};
    static final int T = IOU_THRS.length;
    static final int R = REC_THRS.length;
    static final int A = AREA_RNG.length;
    static final int M = MAX_DETS.length;
    /** Index of IoU 0.5 and 0.75 in {@link #IOU_THRS}. */
    static final int IOU_50 = 0;
    static final int IOU_75 = 5;

    private CocoParams() {
    }

    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] out = new double[num];
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        out[num - 1] = stop;
        return out;
    }
}
