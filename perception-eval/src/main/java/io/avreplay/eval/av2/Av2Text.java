package io.avreplay.eval.av2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Renders an {@link Av2Result}: counts, then av2's table (3 decimals, as av2 returns it), then full precision. */
public final class Av2Text {
    private Av2Text() {
    }

    /** @return the summary, lines ending in {@code \n} */
    public static String write(Av2Result r) {
        var k = r.counts();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Sweeps: %d   GT: %d (evaluated %d)   DT: %d (evaluated %d)   categories: %d%n",
                k.sweeps(), k.annotations(), k.evaluatedAnnotations(), k.detections(), k.evaluatedDetections(),
                r.categories().size()));
        Av2Scores a = r.average();
        b.append(String.format(Locale.ROOT, "CDS: %s  mAP: %s  mATE: %s  mASE: %s  mAOE: %s%n", fixed(a.cds(), 6),
                fixed(a.ap(), 6), fixed(a.ateM(), 6), fixed(a.ase(), 6), fixed(a.aoeRad(), 6)));
        b.append("\nav2 evaluate() result (rounded to 3 decimals by av2):\n");
        table(b, r, 3);
        b.append("\nFull precision (av2 summarize_metrics + mean over categories):\n");
        table(b, r, 6);
        return b.toString();
    }

    private static void table(StringBuilder b, Av2Result r, int digits) {
        b.append(String.format(Locale.ROOT, "%-34s", "category"));
        Av2Scores.COLUMNS.forEach(c -> b.append(String.format(Locale.ROOT, "%" + (digits + 6) + "s", c)));
        b.append('\n');
        r.categories().forEach((c, s) -> line(b, c, s, digits));
        line(b, "AVERAGE_METRICS", r.average(), digits);
    }

    private static void line(StringBuilder b, String name, Av2Scores s, int digits) {
        b.append(String.format(Locale.ROOT, "%-34s", name));
        for (String c : Av2Scores.COLUMNS) {
            double v = digits == 3 ? Math.round(s.get(c) * 1000) / 1000.0 : s.get(c);
            b.append(String.format(Locale.ROOT, "%" + (digits + 6) + "s", fixed(v, digits)));
        }
        b.append('\n');
    }

    private static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "nan" : new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
