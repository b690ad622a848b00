package io.avreplay.eval.coco;

import io.avreplay.replay.object.Box2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ground truth and detections as primitive columns: what the file reader fills and the matcher reads,
 * so that neither touches an object per row. Boxes in pixels, areas in square pixels. Rows are appended
 * with {@code add} while reading, in file order; after that the arrays are only read. The arrays may be
 * longer than {@code size}; rows {@code [0, size)} are valid.
 */
final class CocoColumns {
    private CocoColumns() {
    }

    /** The columns annotations and detections share: image, category and box. */
    abstract static class Boxes {
        long[] imageId;
        long[] categoryId;
        double[] x;
        double[] y;
        double[] w;
        double[] h;
        int size;

        /** Allocates every column, the subclass's too ({@link #resize} is overridden and starts from null). */
        Boxes(int capacity) {
            resize(Math.max(capacity, 16));
        }

        /**
         * Appends the shared columns of one row, growing every column when full; the subclass then sets
         * its own columns at {@code size - 1}.
         */
        final void addBox(long image, long category, double bx, double by, double bw, double bh) {
            if (size == imageId.length) {
                resize(size * 2);
            }
            imageId[size] = image;
            categoryId[size] = category;
            x[size] = bx;
            y[size] = by;
            w[size] = bw;
            h[size] = bh;
            size++;
        }

        /** Sets every column's length to {@code n}, keeping the rows (subclasses add their own columns). */
        void resize(int n) {
            imageId = imageId == null ? new long[n] : Arrays.copyOf(imageId, n);
            categoryId = categoryId == null ? new long[n] : Arrays.copyOf(categoryId, n);
            x = x == null ? new double[n] : Arrays.copyOf(x, n);
            y = y == null ? new double[n] : Arrays.copyOf(y, n);
            w = w == null ? new double[n] : Arrays.copyOf(w, n);
            h = h == null ? new double[n] : Arrays.copyOf(h, n);
        }

        Box2d box(int i) {
            return Box2d.ofXywh(x[i], y[i], w[i], h[i]);
        }
    }

    /** Annotation columns. */
    static final class Gt extends Boxes {
        long[] id;
        double[] area;
        boolean[] crowd;

        Gt(int capacity) {
            super(capacity);
        }

        /** Columns of in-memory annotations, row i being element i. */
        static Gt of(List<CocoAnnotation> anns) {
            Gt g = new Gt(anns.size());
            for (CocoAnnotation a : anns) {
                Box2d b = a.bbox();
                g.add(a.id(), a.imageId(), a.categoryId(), b.x1(), b.y1(), b.width(), b.height(), a.area(), a.crowd());
            }
            return g;
        }

        void add(long annId, long image, long category, double bx, double by, double bw, double bh, double a,
                boolean isCrowd) {
            addBox(image, category, bx, by, bw, bh);
            id[size - 1] = annId;
            area[size - 1] = a;
            crowd[size - 1] = isCrowd;
        }

        @Override
        void resize(int n) {
            super.resize(n);
            id = id == null ? new long[n] : Arrays.copyOf(id, n);
            area = area == null ? new double[n] : Arrays.copyOf(area, n);
            crowd = crowd == null ? new boolean[n] : Arrays.copyOf(crowd, n);
        }

        /** @return the rows as annotations, in order */
        List<CocoAnnotation> toAnnotations() {
            List<CocoAnnotation> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new CocoAnnotation(id[i], imageId[i], categoryId[i], box(i), area[i], crowd[i]));
            }
            return out;
        }
    }

    /** Detection columns. */
    static final class Dt extends Boxes {
        double[] score;

        Dt(int capacity) {
            super(capacity);
        }

        /** Columns of in-memory detections, row i being element i. */
        static Dt of(List<CocoDetection> dets) {
            Dt d = new Dt(dets.size());
            for (CocoDetection e : dets) {
                Box2d b = e.bbox();
                d.add(e.imageId(), e.categoryId(), b.x1(), b.y1(), b.width(), b.height(), e.score());
            }
            return d;
        }

        void add(long image, long category, double bx, double by, double bw, double bh, double s) {
            addBox(image, category, bx, by, bw, bh);
            score[size - 1] = s;
        }

        @Override
        void resize(int n) {
            super.resize(n);
            score = score == null ? new double[n] : Arrays.copyOf(score, n);
        }

        /** @return the rows as detections, in order */
        List<CocoDetection> toDetections() {
            List<CocoDetection> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new CocoDetection(imageId[i], categoryId[i], box(i), score[i]));
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
    record Instances(long[] imageIds, Map<Long, String> categories, Gt annotations) {
    }
}
