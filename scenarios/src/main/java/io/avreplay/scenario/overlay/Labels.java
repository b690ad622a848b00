package io.avreplay.scenario.overlay;

import java.util.Locale;

/** The text beside a mark: {@code car 0.87} for a detection, {@code car #12} for ground truth. */
final class Labels {
    private Labels() {
    }

    static String of(String category, double score, String trackId) {
        StringBuilder b = new StringBuilder(category);
        if (!Double.isNaN(score)) {
            b.append(String.format(Locale.ROOT, " %.2f", score));
        }
        if (!trackId.isEmpty()) {
            b.append(" #").append(trackId);
        }
        return b.toString();
    }
}
