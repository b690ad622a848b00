package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code avreplay bench gate}'s option checks: a bad value is a usage error (exit 2), not an internal one. */
class BenchGateCommandTest {
    @Test
    void tooFewResamplesIsAUsageErrorNamingTheOption() {
        // The bootstrap needs at least 100 resamples (BootstrapConfig); 10 is refused before any scoring.
        CliRun r = CliRun.of("bench", "gate", "--resamples", "10");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--resamples: resamples must be in [100, 100000], got 10"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
