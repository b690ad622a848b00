package io.avreplay.scenario.report;

import java.util.Locale;

/** Number formatting shared by the text renderers: NaN prints as a dash. */
final class Numbers {
    private Numbers() {
    }

    static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.4f", v);
    }

    static String ci(double lo, double hi) {
        return Double.isNaN(lo) ? "–" : "[" + signedOrPlain(lo) + ", " + signedOrPlain(hi) + "]";
    }

    private static String signedOrPlain(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
