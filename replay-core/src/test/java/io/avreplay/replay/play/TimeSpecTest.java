package io.avreplay.replay.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import org.junit.jupiter.api.Test;

class TimeSpecTest {
    @Test
    void offsetsCarryAUnit() {
        assertEquals(TimeSpec.offsetNs(5_000_000_000L), TimeSpec.parse("5s"));
        assertEquals(TimeSpec.offsetNs(1_500_000_000L), TimeSpec.parse("1500ms"));
        assertEquals(TimeSpec.offsetNs(1_500_000_000L), TimeSpec.parse("+1.5s"));
        assertEquals(TimeSpec.offsetNs(120_000_000_000L), TimeSpec.parse("2min"));
        assertEquals(TimeSpec.offsetNs(300_000L), TimeSpec.parse("300us"));
        assertEquals(TimeSpec.offsetNs(7L), TimeSpec.parse("7ns"));
        assertEquals(1_000 + 5_000_000_000L, TimeSpec.parse("5s").resolve(1_000));
    }

    @Test
    void aBareIntegerIsAnAbsoluteTimestamp() {
        TimeSpec t = TimeSpec.parse("1700000000500000000");
        assertTrue(t.absolute());
        assertEquals(1_700_000_000_500_000_000L, t.resolve(42));
    }

    @Test
    void anythingElseIsAConfigurationError() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> TimeSpec.parse("5 parsecs"));
        assertTrue(e.getMessage().contains("'5 parsecs'"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> TimeSpec.parse("-5s"));
        assertThrows(InvalidConfigException.class, () -> TimeSpec.parse("99999999999999999999"));
    }
}
