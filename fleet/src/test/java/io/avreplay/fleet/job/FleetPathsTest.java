package io.avreplay.fleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fleet locations: local paths, {@code file:} URIs and other file systems' URIs. */
class FleetPathsTest {
    @Test
    void locationsAreLocalPathsFileUrisOrOtherFileSystemsUris() {
        assertEquals(Path.of("/data/log1"), FleetPaths.localPath("file:///data/log1"));
        assertEquals(Path.of("logs/a"), FleetPaths.localPath("logs/a"));
        assertTrue(FleetPaths.isLocal("logs/a") && FleetPaths.isLocal("file:/data/x"));
        assertTrue(!FleetPaths.isLocal("hdfs://nn/logs/a") && !FleetPaths.isLocal("s3a://bucket/logs/a"));
        assertThrows(IllegalArgumentException.class, () -> FleetPaths.localPath("hdfs://nn/logs/a"));
        // a URI keeps its authority ("//nn"), which a java.nio Path would fold
        assertEquals("hdfs://nn/out/logs", FleetPaths.resolve("hdfs://nn/out", "logs"));
        assertEquals("hdfs://nn/out/logs", FleetPaths.hadoopPath("hdfs://nn/out/logs").toString());
        assertEquals("file:/data/x", FleetPaths.hadoopPath("/data/./x").toString());
    }
}
