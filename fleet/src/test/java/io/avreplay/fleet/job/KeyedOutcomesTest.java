package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedOutcomesTest {
    @Test
    void aRetriedTaskCountsOnceWhateverTheCombineOrder() {
        LogOutcome a = new LogOutcome.Failed(0, "a", "first try");
        LogOutcome aAgain = new LogOutcome.Failed(0, "a", "retry");
        LogOutcome b = new LogOutcome.Failed(1, "b", "b failed");
        // partitions {a, b} and {a again}, combined in both orders
        KeyedOutcomes left = KeyedOutcomes.add(KeyedOutcomes.add(new KeyedOutcomes(), a), b);
        KeyedOutcomes right = KeyedOutcomes.add(new KeyedOutcomes(), aAgain);
        KeyedOutcomes ab = KeyedOutcomes.merge(left, right);
        assertEquals(List.of(0, 1), List.copyOf(ab.byOrdinal().keySet()));
        assertEquals(2, ab.byOrdinal().size());
        KeyedOutcomes ba = KeyedOutcomes.merge(KeyedOutcomes.add(new KeyedOutcomes(), b),
                KeyedOutcomes.add(new KeyedOutcomes(), a));
        assertEquals(List.of(0, 1), List.copyOf(ba.byOrdinal().keySet()));
        assertEquals("b failed", ((LogOutcome.Failed) ba.byOrdinal().get(1)).error());
    }
}
