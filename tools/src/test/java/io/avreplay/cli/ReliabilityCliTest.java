package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.FixtureLogTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit-code contract under the reliability findings (2026-12) D3, D4, D5, D9 and D12, read side. */
class ReliabilityCliTest extends FixtureLogTest {
    /** A command that runs out of memory, as a flipped length prefix once made every reader do. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /** D3: an Error is one line and exit 4 ("internal"), never a stack trace with exit 1 ("gate failed"). */
    @Test
    void errorsAreOneLineExitFour() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AvreplayCli.create(new PrintWriter(out), new PrintWriter(err));
        cl.addSubcommand(new Boom());
        assertEquals(4, cl.execute("boom"));
        assertEquals("avreplay boom: internal error: OutOfMemoryError: out of memory (Java heap space); give the JVM "
                + "more with JAVA_OPTS=-Xmx..., or process less at once (rerun with --stacktrace)", err.toString().strip());
    }

    /** D4: export decodes through the verifying reader, so a damaged GT batch is exit 3, not published. */
    @Test
    void exportRefusesADamagedBatch() throws Exception {
        Path gt = log.resolve("annotations.arrow");
        byte[] b = Files.readAllBytes(gt);
        b[b.length / 2] ^= 0x40;
        Files.write(gt, b);
        CliRun r = CliRun.of("export", "nuscenes", log.toString(), "--out", tmp.resolve("gt.json").toString());
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("annotations.arrow"), r.err());
        assertFalse(Files.exists(tmp.resolve("gt.json")));
    }

    /** D5: a negative count and a huge format_version are bad input (exit 3), not internal errors. */
    @Test
    void manifestValueErrorsAreExitThree() throws Exception {
        String json = Files.readString(log.resolve("log.json"));
        for (String bad : new String[] {json.replaceFirst("\"count\" : \\d+", "\"count\" : -1"),
            json.replace("\"format_version\" : 1", "\"format_version\" : 99999999999999999999999")}) {
            Files.writeString(log.resolve("log.json"), bad);
            CliRun r = CliRun.of("info", log.toString());
            assertEquals(3, r.exitCode(), r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().contains("log.json: field '"), r.err());
        }
    }

    /** D9: a manifest whose start is after its end is a validation problem (exit 1), not clean. */
    @Test
    void validateCatchesAnInconsistentManifest() throws Exception {
        String json = Files.readString(log.resolve("log.json"));
        String end = json.replaceAll("(?s).*\"end_ns\" : (\\d+).*", "$1");
        Files.writeString(log.resolve("log.json"), json.replaceFirst("\"start_ns\" : \\d+",
                "\"start_ns\" : " + (Long.parseLong(end) + 1_000_000_000_000L)));
        CliRun r = CliRun.of("validate", log.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("log.json: start_ns " + (Long.parseLong(end) + 1_000_000_000_000L) + " is after end_ns "
                + end), r.out());
    }

    /**
     * The fuzz contract through the CLI entry, for a seeded subset: one damaged byte run in a random file
     * of the log, then {@code info} and {@code export nuscenes --no-verify}; each exits 0, or 3 with one
     * stderr line naming a file of the log. (LogReaderFuzzTest covers the reader itself in depth.)
     */
    @Test
    void damagedLogsKeepTheExitCodeContract() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(log)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (int seed = 0; seed < 60; seed++) {
            Random rnd = new Random(7000 + seed);
            Path f = files.get(rnd.nextInt(files.size()));
            byte[] original = Files.readAllBytes(f);
            byte[] damaged = original.clone();
            int at = rnd.nextInt(damaged.length);
            for (int k = 0; k < 4 && at + k < damaged.length; k++) {
                damaged[at + k] = (byte) rnd.nextInt(256);
            }
            Files.write(f, damaged);
            try {
                Path out = tmp.resolve("gt-" + seed + ".json");
                for (String[] args : List.of(new String[] {"info", log.toString()},
                        new String[] {"export", "nuscenes", log.toString(), "--out", out.toString(), "--no-verify"})) {
                    CliRun r = CliRun.of(args);
                    String label = "seed " + (7000 + seed) + " " + f.getFileName() + "@" + at + " " + args[0];
                    assertTrue(r.exitCode() == 0 || r.exitCode() == 3, label + ": exit " + r.exitCode() + " " + r.err());
                    if (r.exitCode() == 3) {
                        assertEquals(1, r.errLines().length, label + ": " + r.err());
                        assertTrue(r.err().contains(log.toString()), label + ": " + r.err());
                    }
                }
            } finally {
                Files.write(f, original);
            }
        }
    }

    /** D12: a log id carrying an escape sequence is shown escaped, never sent to the terminal. */
    @Test
    void controlCharactersInTheLogIdAreEscaped() throws Exception {
        String json = Files.readString(log.resolve("log.json"));
        Files.writeString(log.resolve("log.json"), json.replace("\"fixture-log\"", "\"evil\\u001b[2J\""));
        CliRun r = CliRun.of("info", log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("evil\\u001b[2J"), r.out());
    }
}
