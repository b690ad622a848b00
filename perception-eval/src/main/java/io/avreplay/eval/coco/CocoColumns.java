package io.avreplay.eval.coco;

import java.util.List;

/**
 * Ground truth and detections as primitive columns, row {@code i} being element {@code i} of the list
 * they were built from: what the matcher reads, so that its inner loops touch no object. Boxes in pixels,
 * areas in square pixels. Arrays are owned by the instance and never modified after construction.
 */
final class CocoColumns {
    private CocoColumns() {
    }

    /** Annotation columns. */
    static final class Gt {
        final long[] id;
        final double[] x;
        final double[] y;
        final double[] w;
        final double[] h;
        final double[] area;
        final boolean[] crowd;

        Gt(List<CocoAnnotation> anns) {
            int n = anns.size();
            id = new long[n];
            x = new double[n];
            y = new double[n];
            w = new double[n];
            h = new double[n];
            area = new double[n];
            crowd = new boolean[n];
            for (int i = 0; i < n; i++) {
                CocoAnnotation a = anns.get(i);
                id[i] = a.id();
                x[i] = a.bbox().x();
                y[i] = a.bbox().y();
                w[i] = a.bbox().width();
                h[i] = a.bbox().height();
                area[i] = a.area();
                crowd[i] = a.crowd();
            }
        }
    }

    /** Detection columns. */
    static final class Dt {
        final double[] x;
        final double[] y;
        final double[] w;
        final double[] h;
        final double[] score;

        Dt(List<CocoDetection> dets) {
            int n = dets.size();
            x = new double[n];
            y = new double[n];
            w = new double[n];
            h = new double[n];
            score = new double[n];
            for (int i = 0; i < n; i++) {
                CocoDetection d = dets.get(i);
                x[i] = d.bbox().x();
                y[i] = d.bbox().y();
                w[i] = d.bbox().width();
                h[i] = d.bbox().height();
                score[i] = d.score();
            }
        }
    }
}
