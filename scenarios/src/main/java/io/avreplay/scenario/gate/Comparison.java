package io.avreplay.scenario.gate;

/** A comparison operator of a gate. */
public enum Comparison {
    GE(">="), GT(">"), LE("<="), LT("<");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** @return whether {@code value op bound} holds; false for NaN */
    public boolean holds(double value, double bound) {
        return switch (this) {
            case GE -> value >= bound;
            case GT -> value > bound;
            case LE -> value <= bound;
            case LT -> value < bound;
        };
    }

    static Comparison of(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + symbol + "'");
    }
}
