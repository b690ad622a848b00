package io.avreplay.scenario.report;

import java.util.Locale;

/** Number formatting shared by the text renderers: NaN prints as a dash. */
final class Numbers {
    private Numbers() {
    }

    static String f(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.4f", v);
    }

    static String ci(double lo, double hi) {
        return Double.isNaN(lo) ? "–" : "[" + signedOrPlain(lo) + ", " + signedOrPlain(hi) + "]";
    }

    /** @return seconds with one decimal, e.g. {@code 2.0 s}; a dash for NaN, {@code never} for +∞ */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "–";
        }
        return Double.isInfinite(s) ? "never" : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** @return a share as a percentage with one decimal, a dash for NaN */
    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String signedOrPlain(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
