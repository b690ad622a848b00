package io.avreplay.eval.coco;

import io.avreplay.eval.detection.Box2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ground truth and detections as primitive columns: what the file reader fills and the matcher reads,
 * so that neither touches an object per row. Boxes in pixels, areas in square pixels. Rows are appended
 * with {@code add} while reading, in file order; after that the arrays are only read. The arrays may be
 * longer than {@code size}; rows {@code [0, size)} are valid.
 */
final class CocoColumns {
    private CocoColumns() {
    }

    /** Annotation columns. */
    static final class Gt {
        long[] id;
        long[] imageId;
        long[] categoryId;
        double[] x;
        double[] y;
        double[] w;
        double[] h;
        double[] area;
        boolean[] crowd;
        int size;

        Gt(int capacity) {
            int n = Math.max(capacity, 16);
            id = new long[n];
            imageId = new long[n];
            categoryId = new long[n];
            x = new double[n];
            y = new double[n];
            w = new double[n];
            h = new double[n];
            area = new double[n];
            crowd = new boolean[n];
        }

        /** Columns of in-memory annotations, row i being element i. */
        static Gt of(List<CocoAnnotation> anns) {
            Gt g = new Gt(anns.size());
            for (CocoAnnotation a : anns) {
                Box2d b = a.bbox();
                g.add(a.id(), a.imageId(), a.categoryId(), b.x(), b.y(), b.width(), b.height(), a.area(), a.crowd());
            }
            return g;
        }

        void add(long annId, long image, long category, double bx, double by, double bw, double bh, double a,
                boolean isCrowd) {
            if (size == id.length) {
                int n = size * 2;
                id = Arrays.copyOf(id, n);
                imageId = Arrays.copyOf(imageId, n);
                categoryId = Arrays.copyOf(categoryId, n);
                x = Arrays.copyOf(x, n);
                y = Arrays.copyOf(y, n);
                w = Arrays.copyOf(w, n);
                h = Arrays.copyOf(h, n);
                area = Arrays.copyOf(area, n);
                crowd = Arrays.copyOf(crowd, n);
            }
            id[size] = annId;
            imageId[size] = image;
            categoryId[size] = category;
            x[size] = bx;
            y[size] = by;
            w[size] = bw;
            h[size] = bh;
            area[size] = a;
            crowd[size] = isCrowd;
            size++;
        }

        /** @return the rows as annotations, in order */
        List<CocoAnnotation> toAnnotations() {
            List<CocoAnnotation> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new CocoAnnotation(id[i], imageId[i], categoryId[i], new Box2d(x[i], y[i], w[i], h[i]), area[i],
                        crowd[i]));
            }
            return out;
        }
    }

    /** Detection columns. */
    static final class Dt {
        long[] imageId;
        long[] categoryId;
        double[] x;
        double[] y;
        double[] w;
        double[] h;
        double[] score;
        int size;

        Dt(int capacity) {
            int n = Math.max(capacity, 16);
            imageId = new long[n];
            categoryId = new long[n];
            x = new double[n];
            y = new double[n];
            w = new double[n];
            h = new double[n];
            score = new double[n];
        }

        /** Columns of in-memory detections, row i being element i. */
        static Dt of(List<CocoDetection> dets) {
            Dt d = new Dt(dets.size());
            for (CocoDetection e : dets) {
                Box2d b = e.bbox();
                d.add(e.imageId(), e.categoryId(), b.x(), b.y(), b.width(), b.height(), e.score());
            }
            return d;
        }

        void add(long image, long category, double bx, double by, double bw, double bh, double s) {
            if (size == imageId.length) {
                int n = size * 2;
                imageId = Arrays.copyOf(imageId, n);
                categoryId = Arrays.copyOf(categoryId, n);
                x = Arrays.copyOf(x, n);
                y = Arrays.copyOf(y, n);
                w = Arrays.copyOf(w, n);
                h = Arrays.copyOf(h, n);
                score = Arrays.copyOf(score, n);
            }
            imageId[size] = image;
            categoryId[size] = category;
            x[size] = bx;
            y[size] = by;
            w[size] = bw;
            h[size] = bh;
            score[size] = s;
            size++;
        }

        /** @return the rows as detections, in order */
        List<CocoDetection> toDetections() {
            List<CocoDetection> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new CocoDetection(imageId[i], categoryId[i], new Box2d(x[i], y[i], w[i], h[i]), score[i]));
            }
            return out;
        }
    }

    /**
     * An instances file's content.
     *
     * @param imageIds    every image id, in file order (images without annotations still count)
     * @param categories  category id to name, in file order
     * @param annotations the annotations
     */
    record Instances(long[] imageIds, java.util.Map<Long, String> categories, Gt annotations) {
    }
}
