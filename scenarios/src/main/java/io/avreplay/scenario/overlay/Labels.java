package io.avreplay.scenario.overlay;

import java.util.Locale;

/**
 * The text beside a mark: {@code car 0.87} for a detection, {@code car #12} for ground truth. A track id that
 * repeats the class ({@code pedestrian-0043}) is shortened to what follows it ({@code pedestrian #0043}).
 */
final class Labels {
    private Labels() {
    }

    static String of(String category, double score, String trackId) {
        StringBuilder b = new StringBuilder(category);
        if (!Double.isNaN(score)) {
            b.append(String.format(Locale.ROOT, " %.2f", score));
        }
        if (!trackId.isEmpty()) {
            String id = trackId;
            if (id.length() > category.length() + 1 && id.startsWith(category)
                    && (id.charAt(category.length()) == '-' || id.charAt(category.length()) == '_')) {
                id = id.substring(category.length() + 1);
            }
            b.append(" #").append(id);
        }
        return b.toString();
    }
}
