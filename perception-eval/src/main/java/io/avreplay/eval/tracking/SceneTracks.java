package io.avreplay.eval.tracking;

import java.util.List;

/**
 * One scene after filtering, score averaging and interpolation: for every sample (frame) in time order,
 * the ground-truth and predicted boxes as primitive columns. Ids are scene-local indices (the same id in
 * two scenes is two tracks). Immutable after construction; arrays are never exposed to callers outside
 * this package.
 */
final class SceneTracks implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final String token;
    /** Raw ground-truth track ids by local index. */
    final List<String> gtIds;
    final Frame[] gt;
    final Frame[] pred;

    SceneTracks(String token, String name, List<String> gtIds, Frame[] gt, Frame[] pred) {
        this.token = token;
        this.name = name;
        this.gtIds = List.copyOf(gtIds);
        this.gt = gt;
        this.pred = pred;
    }

    int frames() {
        return gt.length;
    }

    /** The boxes of one frame; {@code score} is the track-averaged (or interpolated) score of predictions. */
    static final class Frame implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final double[] x;
        final double[] y;
        final double[] score;
        final int[] id;
        final int[] cls;

        Frame(double[] x, double[] y, double[] score, int[] id, int[] cls) {
            this.x = x;
            this.y = y;
            this.score = score;
            this.id = id;
            this.cls = cls;
        }

        int size() {
            return x.length;
        }
    }
}
