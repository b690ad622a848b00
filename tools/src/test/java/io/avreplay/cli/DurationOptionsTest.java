package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The issue's examples: every duration option speaks the one grammar, with one error and one bound. */
class DurationOptionsTest extends ArrowTest {
    @Test
    void synthTakesMinutesAndRefusesAbsurdLengthsBeforeAllocating() {
        // 0.01 min = 0.6 s: sweeps at 0, 0.1 ... 0.6 s
        CliRun ok = CliRun.of("synth", "--preset", "cut-in", "--duration", "0.01min", "--rate-camera", "0",
                "--out", tmp.resolve("a").toString());
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("0.6 s"), ok.out());
        CliRun huge = CliRun.of("synth", "--preset", "cut-in", "--duration", "100000h", "--out",
                tmp.resolve("b").toString());
        assertEquals(ExitCodes.USAGE, huge.exitCode());
        assertTrue(huge.err().contains("'100000h' is longer than the maximum of 24h"), huge.err());
    }

    @Test
    void replayTakesTheSameFormsAsSynth() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        // 2m parses (minutes) and lies past the 1 s fixture: a range error, not a syntax error
        CliRun late = CliRun.of("replay", log.toString(), "--start", "2m");
        assertEquals(ExitCodes.USAGE, late.exitCode());
        assertTrue(late.err().contains("lies outside the log"), late.err());
        CliRun bad = CliRun.of("replay", log.toString(), "--sync", "--tolerance", "fast");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--tolerance: 'fast' is not a duration (expected 500ms, 2s, 1.5min, 2m (minutes), "
                + "1h"), bad.err());
        // an absolute window start, marked with @: the first sweep at T0 + 0.1 s and on
        CliRun abs = CliRun.of("replay", log.toString(), "--sensors", "lidar_top", "--start", "@" + (TestLogs.T0
                + 100_000_000L), "--summary-only");
        assertEquals(ExitCodes.OK, abs.exitCode(), abs.err());
        assertTrue(abs.out().contains("9 frames"), abs.out());
    }
}
