package io.avreplay.scenario.mining;

import java.util.List;
import java.util.Objects;

/**
 * The rules of a mining run.
 *
 * @param source    where the rules were read from (a file or {@code classpath:…}), for provenance
 * @param preRollNs time added before the first matching timestamp of a window, ns, &gt;= 0
 * @param postRollNs time added after the last one, ns, &gt;= 0
 * @param rules     the rules, non-empty, unique ids
 */
public record RuleSet(String source, long preRollNs, long postRollNs, List<MiningRule> rules) {
    public RuleSet {
        Objects.requireNonNull(source, "source");
        rules = List.copyOf(rules);
        if (preRollNs < 0 || postRollNs < 0) {
            throw new IllegalArgumentException("pre- and post-roll must be >= 0");
        }
    }
}
