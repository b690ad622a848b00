package io.avreplay.scenario.overlay;

/**
 * What a mark on a picture stands for, with the colour every view gives it (the colours differ in hue
 * and in lightness, so they stay apart for the common colour-vision deficiencies).
 */
public enum MatchStatus {
    /** A detection matched to a ground-truth object. */
    TRUE_POSITIVE("tp", "true positive", 0x2ecc40),
    /** A detection that matched nothing. */
    FALSE_POSITIVE("fp", "false positive", 0xff3b30),
    /** A scored ground-truth object no detection matched. */
    MISSED("missed", "missed", 0xffb000),
    /** A ground-truth object a detection matched (drawn thin under its detection). */
    MATCHED_TRUTH("gt", "ground truth (matched)", 0xd0d0d0),
    /** A scored ground-truth object when no run is shown (nothing to match against). */
    TRUTH("truth", "ground truth", 0x4aa3ff),
    /** A ground-truth object the metrics leave out (class not scored, no lidar point, don't-care). */
    NOT_SCORED("ignored", "not scored", 0x707070);

    private final String key;
    private final String label;
    private final int rgb;

    MatchStatus(String key, String label, int rgb) {
        this.key = key;
        this.label = label;
        this.rgb = rgb;
    }

    /** @return the short key used in JSON and in the viewer's DOM, e.g. {@code tp} */
    public String key() {
        return key;
    }

    /** @return the legend text */
    public String label() {
        return label;
    }

    /** @return the colour as 0xRRGGBB */
    public int rgb() {
        return rgb;
    }

    /** @return the colour as CSS {@code #rrggbb} */
    public String css() {
        return String.format(java.util.Locale.ROOT, "#%06x", rgb);
    }
}
