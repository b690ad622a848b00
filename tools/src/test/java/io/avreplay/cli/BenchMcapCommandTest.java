package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.importer.mcap.Drive;
import io.avreplay.replay.mcap.McapWriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code avreplay bench mcap} on a small recorded drive: every pass is reported and the work directory is gone. */
class BenchMcapCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportsEveryPassWithTheLogWriteBoundAndLeavesNothingBehind() throws Exception {
        Path bag = tmp.resolve("drive.mcap");
        Drive.record(bag, McapWriteOptions.defaults("ros2"), 0, 20);
        Path work = Files.createDirectory(tmp.resolve("work"));
        CliRun r = CliRun.of("bench", "mcap", bag.toString(), "--repeats", "1", "--dir", work.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String pass : new String[] {"raw read", "raw copy", "McapReader scan", "import ", "import zstd", "import lz4"}) {
            assertTrue(r.out().contains(pass), pass + " missing:\n" + r.out());
        }
        // the bound (the log write's speed in bag bytes) is given as a ratio of the raw read printed above it
        Matcher log = Pattern.compile("one import writes a ([0-9.]+) MB log").matcher(r.out());
        Matcher raw = Pattern.compile("raw read +([0-9]+) MB/s").matcher(r.out());
        Matcher bound = Pattern.compile("log write +([0-9]+) MB/s \\(the log's ([0-9.]+) MB written to a new file\\): no import "
                + "can pass ([0-9]+) MB/s of bag bytes = ([0-9.]+) of raw read").matcher(r.out());
        assertTrue(log.find() && raw.find() && bound.find(), r.out());
        assertEquals(log.group(1), bound.group(2));
        double ratio = Double.parseDouble(bound.group(3)) / Double.parseDouble(raw.group(1));
        assertTrue(Double.parseDouble(bound.group(3)) > 0, r.out());
        assertEquals(ratio, Double.parseDouble(bound.group(4)), 0.006 + 1 / Double.parseDouble(raw.group(1)), r.out());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "the bench's work directory is deleted");
        }
    }
}
