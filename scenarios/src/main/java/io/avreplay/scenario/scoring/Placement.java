package io.avreplay.scenario.scoring;

/**
 * How a filter sees the rows of a frame: a ground-truth row is counted, ignored or outside; a detection
 * row is a true positive, a false positive, ignored (matched to ignored ground truth) or outside (its
 * pair is placed outside the filter, or it is unmatched and placed outside).
 */
enum Placement {
    COUNTED, IGNORED, OUTSIDE, TRUE_POSITIVE, FALSE_POSITIVE;

    static Placement truth(ObjectRow g, ObjectFilter f) {
        if (!f.placed(g.category(), g.xM(), g.yM())) {
            return OUTSIDE;
        }
        return f.counted(g.numPoints(), g.visibility()) ? COUNTED : IGNORED;
    }

    static Placement detection(MatchedFrame frame, ObjectRow d, ObjectFilter f) {
        if (d.matched()) {
            return switch (truth(frame.truth().get(d.partner()), f)) {
                case COUNTED -> TRUE_POSITIVE;
                case IGNORED -> IGNORED;
                default -> OUTSIDE;
            };
        }
        return f.placed(d.category(), d.xM(), d.yM()) ? FALSE_POSITIVE : OUTSIDE;
    }
}
