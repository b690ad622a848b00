package io.avreplay.replay.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationGrammarTest {
    @Test
    void everyUnitOfTheGrammar() {
        assertEquals(500_000_000L, DurationGrammar.parseNs("d", "500ms"));
        assertEquals(2_000_000_000L, DurationGrammar.parseNs("d", "2s"));
        // 1.5 min = 90 s
        assertEquals(90_000_000_000L, DurationGrammar.parseNs("d", "1.5min"));
        // m is minutes, not metres or milliseconds: 2 x 60 s
        assertEquals(120_000_000_000L, DurationGrammar.parseNs("d", "2m"));
        assertEquals(3_600_000_000_000L, DurationGrammar.parseNs("d", "1h"));
        assertEquals(300_000L, DurationGrammar.parseNs("d", "300us"));
        assertEquals(7L, DurationGrammar.parseNs("d", "7ns"));
        assertEquals(1_500_000_000L, DurationGrammar.parseNs("d", "+1.5s"));
        assertEquals(250_000_000L, DurationGrammar.parseNs("d", ".25"));
        assertEquals(0L, DurationGrammar.parseNs("d", "0s"));
    }

    @Test
    void aPlainNumberIsSeconds() {
        assertEquals(12_000_000_000L, DurationGrammar.parseNs("d", "12"));
        assertEquals(2_500_000_000L, DurationGrammar.parseNs("d", " 2.5 "));
    }

    @Test
    void oneErrorListsTheAcceptedForms() {
        for (String bad : new String[] {"5 parsecs", "-1s", "", "s", "1.2.3s", "1e3s", "NaN"}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> DurationGrammar.parseNs("--duration", bad), bad);
            assertTrue(e.getMessage().startsWith("--duration: '" + bad + "' is not a duration (expected 500ms, 2s, "
                    + "1.5min, 2m (minutes), 1h"), e.getMessage());
        }
    }

    @Test
    void absurdDurationsAreRefusedNotAllocated() {
        assertEquals(DurationGrammar.MAX_NS, DurationGrammar.parseNs("d", "24h"));
        for (String huge : new String[] {"100000h", "9999999999h", "24.000001h", "99999999999999999999999999"}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> DurationGrammar.parseNs("--duration", huge));
            assertEquals("--duration: '" + huge + "' is longer than the maximum of 24h", e.getMessage());
        }
    }

    @Test
    void pointsAreOffsetsUnlessMarkedAbsolute() {
        assertEquals(TimeSpec.offsetNs(5_000_000_000L), DurationGrammar.parsePoint("--start", "5s"));
        assertEquals(TimeSpec.offsetNs(5_000_000_000L), DurationGrammar.parsePoint("--start", "5"));
        assertEquals(TimeSpec.absoluteNs(1_700_000_000_500_000_000L),
                DurationGrammar.parsePoint("--start", "@1700000000500000000"));
        assertEquals(TimeSpec.absoluteNs(1_700_000_000_500_000_000L),
                DurationGrammar.parsePoint("--start", "1700000000500000000ns"));
        assertEquals(1_000 + 5_000_000_000L, TimeSpec.parse("5s").resolve(1_000));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> DurationGrammar.parsePoint("--end", "@99999999999999999999"));
        assertTrue(e.getMessage().contains("does not fit in 64-bit ns"), e.getMessage());
        e = assertThrows(InvalidConfigException.class, () -> DurationGrammar.parsePoint("--end", "soon"));
        assertTrue(e.getMessage().contains("--end: 'soon' is not a time") && e.getMessage().contains("@<ns>"),
                e.getMessage());
    }

    @Property
    void millisecondsRoundTrip(@ForAll @LongRange(min = 0, max = 86_400_000L) long ms) {
        assertEquals(ms * 1_000_000L, DurationGrammar.parseNs("d", ms + "ms"));
        // the same length in seconds with three decimals parses to the same nanoseconds
        assertEquals(ms * 1_000_000L, DurationGrammar.parseNs("d", String.format(java.util.Locale.ROOT, "%d.%03ds",
                ms / 1000, ms % 1000)));
    }
}
