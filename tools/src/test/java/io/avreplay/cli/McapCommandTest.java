package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.importer.mcap.Drive;
import io.avreplay.replay.mcap.McapWriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McapCommandTest {
    @TempDir
    Path tmp;

    @Test
    void importRosbag2ThenValidate() throws Exception {
        Path bag = Drive.rosbag2(tmp.resolve("bag"), McapWriteOptions.defaults("ros2"));
        Path log = tmp.resolve("log");
        CliRun r = CliRun.of("import", "mcap", bag.toString(), "--out", log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("30 sensor frames, 10 3D boxes"), r.out());
        assertTrue(r.err().contains("warning: skipped topics: {/diagnostics="), r.err());
        assertEquals(0, CliRun.of("validate", log.toString()).exitCode());
        Path mcap = tmp.resolve("out.mcap");
        CliRun e = CliRun.of("export", "mcap", log.toString(), "--out", mcap.toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("82 messages on 9 topics"), e.out()); // with /ego/trajectory
        CliRun back = CliRun.of("import", "mcap", mcap.toString(), "--out", tmp.resolve("back").toString());
        assertEquals(0, back.exitCode(), back.err());
        assertTrue(back.out().contains("30 sensor frames, 10 3D boxes"), back.out());
        assertEquals(0, CliRun.of("validate", tmp.resolve("back").toString()).exitCode());
    }

    @Test
    void truncatedBagExitsZeroWithAWarningAndGarbageExitsThree() throws Exception {
        Path full = tmp.resolve("full.mcap");
        Drive.record(full, McapWriteOptions.defaults("ros2").withCompression("").withChunkBytes(16 << 10), 0, 20);
        byte[] b = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut.mcap");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        CliRun r = CliRun.of("import", "mcap", cut.toString(), "--out", tmp.resolve("log").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: recovered: "), r.err());
        Path junk = tmp.resolve("junk.mcap");
        Files.write(junk, Arrays.copyOf(b, 6));
        CliRun bad = CliRun.of("import", "mcap", junk.toString(), "--out", tmp.resolve("log2").toString());
        assertEquals(3, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("not an MCAP file"), bad.err());
    }
}
