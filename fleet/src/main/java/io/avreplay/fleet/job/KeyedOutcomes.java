package io.avreplay.fleet.job;

import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The aggregation buffer of a fleet job: outcomes keyed by log ordinal. Adding or merging keeps the first
 * outcome of an ordinal, so an outcome that reaches the driver twice (a retried or speculative task)
 * counts once, and the result does not depend on the order Spark combines partitions in. Mutable (Spark's
 * aggregation contract lets the combiner reuse its left argument); one thread at a time.
 */
final class KeyedOutcomes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Integer, LogOutcome> byOrdinal = new TreeMap<>();

    /** Spark's seqOp: adds one outcome, returns this. */
    static KeyedOutcomes add(KeyedOutcomes acc, LogOutcome o) {
        acc.byOrdinal.putIfAbsent(o.ordinal(), o);
        return acc;
    }

    /** Spark's combOp: adds every outcome of {@code b} to {@code a}, returns {@code a}. */
    static KeyedOutcomes merge(KeyedOutcomes a, KeyedOutcomes b) {
        b.byOrdinal.forEach(a.byOrdinal::putIfAbsent);
        return a;
    }

    /** @return the outcomes in ordinal order */
    SortedMap<Integer, LogOutcome> byOrdinal() {
        return Collections.unmodifiableSortedMap(byOrdinal);
    }
}
